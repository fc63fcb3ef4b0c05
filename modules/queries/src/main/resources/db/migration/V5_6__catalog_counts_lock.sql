-- The catalog's segments add to the same partition and event-type rows: each batch takes this one
-- row's lock before it writes the counts, so two batches neither deadlock over the rows nor both
-- insert the row of a name that is new to both (CatalogProjection).
CREATE TABLE catalog_counts_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO catalog_counts_lock (id) VALUES (1);
