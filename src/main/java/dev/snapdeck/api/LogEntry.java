package dev.snapdeck.api;

import java.time.Instant;

/**
 * One log message, its chunks already joined. {@code level} is Python's number (10 DEBUG, 20 INFO,
 * 30 WARNING, 40 ERROR, 50 CRITICAL, 0 none).
 */
public record LogEntry(String message, String logger, int level, Instant timestamp,
        String module, String filename, Integer lineno) {
}
