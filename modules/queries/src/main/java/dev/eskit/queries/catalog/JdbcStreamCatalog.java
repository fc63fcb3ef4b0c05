package dev.eskit.queries.catalog;

import dev.eskit.queries.api.StreamCatalog;
import dev.eskit.queries.support.KeyCursors;
import dev.eskit.queries.support.SqlTimestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Listings from the catalog tables, each page a keyset query on a primary key or index in key order.
 * A prefix is a LIKE pattern anchored at the start, which the primary key serves on both stores (stream ids
 * compare by code point on H2 and under the column's "C" collation on PostgreSQL, V5_8).
 */
@Service
class JdbcStreamCatalog implements StreamCatalog {

    private final JdbcTemplate jdbc;

    JdbcStreamCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<StreamEntry> streams(String prefix, String partition, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("SELECT stream_id, partition, version, updated_at FROM catalog_stream WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (prefix != null && !prefix.isEmpty()) {
            sql.append(" AND stream_id LIKE ? ESCAPE '!'");
            arguments.add(prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (partition != null) {
            sql.append(" AND partition = ?");
            arguments.add(partition);
        }
        return page(sql, arguments, "stream_id", limit, cursor,
                (row, n) -> new StreamEntry(row.getString(1), row.getString(2), row.getLong(3), SqlTimestamps.read(row, "updated_at")),
                StreamEntry::streamId);
    }

    @Override
    public Page<PartitionCount> partitions(int limit, String cursor) {
        return page(new StringBuilder("SELECT name, events, streams FROM catalog_partition WHERE 1 = 1"), new ArrayList<>(), "name",
                limit, cursor, (row, n) -> new PartitionCount(row.getString(1), row.getLong(2), row.getLong(3)), PartitionCount::name);
    }

    @Override
    public Page<NameCount> eventTypes(int limit, String cursor) {
        return page(new StringBuilder("SELECT name, events FROM catalog_event_type WHERE 1 = 1"), new ArrayList<>(), "name",
                limit, cursor, (row, n) -> new NameCount(row.getString(1), row.getLong(2)), NameCount::name);
    }

    /** One more row than asked for tells whether another page follows. */
    private <T> Page<T> page(StringBuilder sql, List<Object> arguments, String key, int limit, String cursor, RowMapper<T> rows,
                             Function<T, String> keyOf) {
        if (cursor != null) {
            sql.append(" AND ").append(key).append(" > ?");
            arguments.add(KeyCursors.decode(cursor, name -> !name.isEmpty()));
        }
        sql.append(" ORDER BY ").append(key).append(" LIMIT ?");
        arguments.add(limit + 1);
        List<T> items = jdbc.query(sql.toString(), rows, arguments.toArray());
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        List<T> shown = items.subList(0, limit);
        return new Page<>(List.copyOf(shown), KeyCursors.encode(keyOf.apply(shown.get(limit - 1))));
    }
}
