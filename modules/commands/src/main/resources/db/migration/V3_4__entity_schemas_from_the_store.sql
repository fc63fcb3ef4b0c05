-- The write side reads each type's current schema from the type's own stream: the lookup table,
-- written beside the events, could disagree with them on Axon Server, where the two commit apart.
DROP TABLE entity_schema;
