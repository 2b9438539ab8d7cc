package org.featureworkbench.workspace;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the application log to {@code <workspace>/logs/workbench-YYYY-MM-DD.log}: one file a day,
 * a week kept, 50 MB at most. Prudent mode, because the GUI and the CLI may write to the same
 * file at once. Logback is the one SLF4J binding of the app; nothing goes to the console, which
 * belongs to the CLI's own output.
 */
final class LogSetup {
    private static final String APPENDER = "workspace-file";
    private static Path current;

    private LogSetup() {
    }

    static synchronized void directTo(Path logsDirectory) {
        if (logsDirectory.equals(current) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var previous = root.getAppender(APPENDER);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setPrudent(true);
        TimeBasedRollingPolicy<ch.qos.logback.classic.spi.ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logsDirectory.resolve("workbench-%d{yyyy-MM-dd}.log").toString());
        policy.setMaxHistory(7);
        policy.setTotalSizeCap(FileSize.valueOf("50MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();

        root.addAppender(appender);
        root.setLevel(Level.INFO);
        current = logsDirectory;
    }
}
