-- An appending transaction must have its transaction id before it takes a log position: the settled
-- position (PostgresSettledPositions) counts on ids to know which positions may still commit. The
-- application used to ask for the id in a statement of its own before each insert, one round trip of
-- three in every group commit; now the position's default asks for it, first (CASE evaluates its
-- condition before its result). An identity column cannot have another default, so the column takes
-- its positions from a sequence of its own that goes on where the identity's stopped.
CREATE SEQUENCE domain_event_entry_positions AS bigint;
SELECT setval('domain_event_entry_positions', last_value, is_called) FROM domain_event_entry_global_index_seq;
ALTER TABLE domain_event_entry ALTER COLUMN global_index DROP IDENTITY;
ALTER SEQUENCE domain_event_entry_positions OWNED BY domain_event_entry.global_index;
ALTER TABLE domain_event_entry ALTER COLUMN global_index
    SET DEFAULT CASE WHEN pg_current_xact_id() IS NOT NULL THEN nextval('domain_event_entry_positions') END;
