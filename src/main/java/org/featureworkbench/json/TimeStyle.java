package org.featureworkbench.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.featureworkbench.model.EventTimes;

/**
 * How a response shape writes its times: ISO-8601 strings for what the CLI prints (as the AWS CLI
 * shows them), epoch seconds as JSON numbers for the AWS JSON 1.1 wire protocol, where the SDKs
 * parse {@code timestamp} members as numbers.
 */
public enum TimeStyle {
    /** {@code "2024-05-01T12:00:00Z"}: second precision, what the CLI prints. */
    ISO_SECONDS,
    /** {@code 1714564800} or {@code 1714564800.123}: awsJson1_1 timestamps, millisecond precision. */
    EPOCH_SECONDS;

    /** Puts {@code time} into {@code node} under {@code field} in this style. */
    public void put(ObjectNode node, String field, Instant time) {
        if (this == ISO_SECONDS) {
            node.put(field, EventTimes.formatIsoSeconds(time));
        } else if (time.toEpochMilli() % 1000 == 0) {
            node.put(field, time.getEpochSecond());
        } else {
            node.put(field, BigDecimal.valueOf(time.toEpochMilli(), 3));
        }
    }
}
