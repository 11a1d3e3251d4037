package dev.snapdeck.server.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    @TempDir
    Path code;

    @Test
    void javaIsTheRunningJdkAndCodeFilesBecomeAbsolute() throws Exception {
        Files.createDirectories(code.resolve("steps"));
        Files.writeString(code.resolve("steps/Train.java"), "class Train {}");

        List<String> command = Commands.resolve(List.of("java", "steps/Train.java", "--fast", "absent.txt"), code);

        String javaHome = System.getProperty("java.home");
        assertEquals(List.of(Path.of(javaHome, "bin", "java").toString(),
                code.resolve("steps/Train.java").toAbsolutePath().toString(), "--fast", "absent.txt"), command);
    }

    @Test
    void pythonRunsUnbuffered() {
        List<String> command = Commands.resolve(List.of("python", "-c", "print(1)"), code);

        assertEquals("-u", command.get(1));
        assertEquals(List.of("-c", "print(1)"), command.subList(2, 4));
    }

    @Test
    void pathsThatLeaveTheCodeFolderStayAsWritten() throws Exception {
        Files.writeString(code.resolveSibling("outside.txt"), "x");

        List<String> command = Commands.resolve(List.of("cat", "../outside.txt"), code);

        assertEquals(List.of("cat", "../outside.txt"), command);
    }

    @Test
    void theServersSecretsAreNotPassedOnToSteps() {
        Map<String, String> inherited = new HashMap<>(Map.of("SNAPDECK_ADMIN_PASSWORD", "hunter2",
                "SNAPDECK_API_KEY", "key", "SNAPDECK_PARAM_K", "stale", "PATH", "/usr/bin", "HOME", "/home/me"));

        RunExecution.dropSnapdeckVariables(inherited);

        assertEquals(Map.of("PATH", "/usr/bin", "HOME", "/home/me"), inherited);
    }

    @Test
    void environmentNamesAreUpperCasedWithUnderscores() {
        assertEquals("LOAD_DATA", RunExecution.envName("load_data"));
        assertEquals("MODEL_TYPE_2", RunExecution.envName("model-type.2"));
    }
}
