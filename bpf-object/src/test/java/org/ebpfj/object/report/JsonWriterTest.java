package org.ebpfj.object.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedObjectsAndArraysWithCommasAndEscapes() {
        String json = new JsonWriter().beginObject()
                .field("name", "a\"b\\c\n")
                .field("size", 4194255L)
                .field("ok", true)
                .name("maps").beginArray()
                .beginObject().field("type", "HASH").endObject()
                .value("x")
                .endArray()
                .name("empty").beginArray().endArray()
                .endObject().toString();

        assertThat(json).isEqualTo("{\n"
                + "  \"name\": \"a\\\"b\\\\c\\n\",\n"
                + "  \"size\": 4194255,\n"
                + "  \"ok\": true,\n"
                + "  \"maps\": [\n"
                + "    {\n"
                + "      \"type\": \"HASH\"\n"
                + "    },\n"
                + "    \"x\"\n"
                + "  ],\n"
                + "  \"empty\": []\n"
                + "}");
    }

    @Test
    void escapesControlCharacters() {
        assertThat(new JsonWriter().value("\u0001").toString()).isEqualTo("\"\\u0001\"");
    }
}
