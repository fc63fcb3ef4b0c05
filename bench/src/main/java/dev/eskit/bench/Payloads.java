package dev.eskit.bench;

/** The event the scenarios store: a JSON document of about 490 bytes, as in PERFORMANCE.md. */
final class Payloads {

    private Payloads() {
    }

    static String event() {
        return "{\"customer\":\"c-000042\",\"status\":\"open\",\"lines\":[{\"sku\":\"sku-0001\",\"quantity\":2,\"price\":19.99},"
                + "{\"sku\":\"sku-0002\",\"quantity\":1,\"price\":5.49}],\"note\":\"" + "x".repeat(340) + "\"}";
    }
}
