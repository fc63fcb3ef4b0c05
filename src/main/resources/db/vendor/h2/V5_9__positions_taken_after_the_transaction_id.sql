-- On H2 this process hands out the settled positions itself (InProcessSettledPositions): nothing to
-- change (see the PostgreSQL script).
SELECT 1;
