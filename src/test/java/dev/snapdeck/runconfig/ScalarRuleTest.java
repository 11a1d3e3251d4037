package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Snapdeck's scalar rule is PyYAML's YAML 1.1 reading; the 1.2 reading is for warnings. */
class ScalarRuleTest {

    @ParameterizedTest(name = "{0} -> {1} (1.2: {2})")
    @CsvSource(delimiter = '|', value = {
        "NO       | false        | '\"NO\"'",
        "y        | '\"y\"'      | '\"y\"'",
        "Null     | null         | null",
        "''       | null         | null",
        "0b101    | 5            | '\"0b101\"'",
        "0x1F     | 31           | 31",
        "0o17     | '\"0o17\"'   | 15",
        "-0755    | -493         | -755",
        "1:30     | 90           | '\"1:30\"'",
        "1.0e+3   | 1000.0       | 1000.0",
        "1.       | 1.0          | 1.0",
        "+12      | 12           | 12",
        "12345678901234567890 | 12345678901234567890 | 12345678901234567890",
        "1.2.3    | '\"1.2.3\"'  | '\"1.2.3\"'"})
    void readsLikePyYamlAndKnowsTheYaml12Reading(String typed, String yaml11, String yaml12) {
        assertEquals(Specs.json(yaml11), ScalarRule.resolve(typed));
        assertEquals(Specs.json(yaml12), ScalarRule.resolveYaml12(typed));
    }
}
