package dev.eskit.web.entities;

import dev.eskit.support.Api;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.net.http.HttpRequest.BodyPublishers;
import tools.jackson.databind.JsonNode;

/** Calls of the entity API that need headers: creating with If-None-Match, replacing and patching with If-Match. */
abstract class EntityApiTest extends ApiTest {

    protected Response putCreating(String path, Object body) {
        return api.send(api.request(Role.WRITER, path).header("Content-Type", "application/json").header("If-None-Match", "*")
                .PUT(BodyPublishers.ofString(body instanceof String text ? text : Api.JSON.writeValueAsString(body))));
    }

    protected Response replace(String path, String ifMatch, Object body) {
        return api.send(api.request(Role.WRITER, path).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
    }

    protected Response patch(String path, String ifMatch, Object body) {
        return api.send(api.request(Role.WRITER, path).header("Content-Type", "application/merge-patch+json").header("If-Match", ifMatch)
                .method("PATCH", BodyPublishers.ofString(body instanceof String text ? text : Api.JSON.writeValueAsString(body))));
    }

    protected static JsonNode json(String text) {
        return Api.JSON.readTree(text);
    }
}
