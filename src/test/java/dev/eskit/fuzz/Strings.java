package dev.eskit.fuzz;

import java.util.List;
import java.util.Random;

/** Strings a careless or hostile client sends: plain, odd Unicode, control characters, path tricks, the very long. */
final class Strings {

    private static final List<String> HOSTILE = List.of("", " ", "..", ".", "a/b", "a\\b", "a;b", "%", "%00", "a\u0000b",
            "\u0000", "💥", "\uD83D", "\u202Eevil", "ｆｕｌｌ", "\u0301", "' OR 1=1 --", "<script>", "${jndi:ldap://x}",
            "null", "-1", "9223372036854775808", "*", "P.*,", ",,", "a".repeat(300), "é".repeat(2_000));

    private Strings() {
    }

    static String any(Random random, int maxLength) {
        return switch (random.nextInt(4)) {
            case 0 -> hostile(random);
            case 1 -> unicode(random, 1 + random.nextInt(maxLength));
            default -> name(random) + (random.nextBoolean() ? "" : "." + name(random));
        };
    }

    static String hostile(Random random) {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    static String name(Random random) {
        StringBuilder name = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = random.nextInt(8); i > 0; i--) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** Code points from every plane, surrogates and controls included. */
    static String unicode(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> random.nextInt(0xFFFF);
                default -> 0x10000 + random.nextInt(0xFFFFF);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
