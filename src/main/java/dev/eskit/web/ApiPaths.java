package dev.eskit.web;

/** The one prefix every API path shares; the version is part of the contract. */
public final class ApiPaths {

    public static final String V1 = "/api/v1";

    private ApiPaths() {
    }
}
