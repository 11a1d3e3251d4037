package dev.snapdeck.ui.editor;

import java.util.UUID;

/**
 * Writes a run of a snapshot as something to paste elsewhere: the seed's {@code curl} call, the
 * CLI command, and Java code over the SDK. Tokens are never written: {@code <TOKEN>} stands in.
 */
final class CopyAs {

    private CopyAs() {
    }

    /** The REST call, as in the seed, with {@code body} as the request JSON. */
    static String curl(String serverUrl, UUID snapshotId, String body) {
        return "curl -X 'POST' \\\n"
                + "  '" + stripSlash(serverUrl) + "/api/v1/pipeline_snapshots/" + snapshotId
                + "/runs' \\\n"
                + "  -H 'Authorization: Bearer <TOKEN>' \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -d '" + body.replace("'", "'\\''") + "'\n";
    }

    /** The CLI command, with the YAML written to run.yaml first. */
    static String cli(String snapshotName, String yaml) {
        String text = yaml.endsWith("\n") ? yaml : yaml + "\n";
        return "cat > run.yaml <<'SNAPDECK_EOF'\n" + text + "SNAPDECK_EOF\n"
                + "snapdeck pipeline snapshot run " + shellWord(snapshotName)
                + " --config run.yaml\n";
    }

    /** Java code over {@code ZenmlClient}, as in the README's "Java SDK" section. */
    static String java(String serverUrl, UUID snapshotId, String body) {
        String indented = body.replace("\\", "\\\\").replace("\n", "\n        ");
        return "try (ZenmlClient client = ZenmlClient.builder(\"" + stripSlash(serverUrl) + "\")\n"
                + "        .credentials(Credentials.token(\"<TOKEN>\"))\n"
                + "        .build()) {\n"
                + "    JsonNode body = new ObjectMapper().readTree(\"\"\"\n"
                + "        " + indented + "\n"
                + "        \"\"\");\n"
                + "    PipelineRun run = client.triggerRun(\n"
                + "            UUID.fromString(\"" + snapshotId + "\"),\n"
                + "            body.get(\"run_configuration\"));\n"
                + "}\n";
    }

    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_.:/=-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
