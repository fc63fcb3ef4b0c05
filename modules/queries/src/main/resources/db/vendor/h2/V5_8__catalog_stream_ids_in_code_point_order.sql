-- H2 already orders and compares stream ids by code point: nothing to change (see the PostgreSQL script).
SELECT 1;
