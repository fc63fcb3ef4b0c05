-- An appending transaction must have its transaction id before it takes a log position: the settled
-- position (PostgresSettledPositions) counts on ids to know which positions may still commit. The
-- application used to ask for the id in a statement of its own before each insert, one round trip of
-- three in every group commit (8 % of W1's creates a second); the position's default asks for it now.
-- An identity column cannot have another default, so the column takes its positions from a sequence
-- of its own that goes on where the identity's stopped.
CREATE SEQUENCE domain_event_entry_positions AS bigint;
SELECT setval('domain_event_entry_positions', last_value, is_called) FROM domain_event_entry_global_index_seq;
ALTER TABLE domain_event_entry ALTER COLUMN global_index DROP IDENTITY;
ALTER SEQUENCE domain_event_entry_positions OWNED BY domain_event_entry.global_index;

CREATE FUNCTION position_after_transaction_id(positions regclass) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_current_xact_id();
    RETURN nextval(positions);
END
$$;

ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT position_after_transaction_id('domain_event_entry_positions');
