package com.newsapi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeedKeyTest {

    @Test
    void keysSortAsDynamoDbSortsTheirRenderedForm() {
        Random random = new Random(7);
        List<FeedKey> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // Few distinct instants, so ties on time (broken by id) are common.
            Instant at = Instant.parse("2026-01-01T00:00:00Z").plusMillis(random.nextInt(50) * 997L);
            keys.add(new FeedKey(at, HexFormat.of().toHexDigits(random.nextLong())));
        }
        List<FeedKey> byKey = keys.stream().sorted().toList();
        List<FeedKey> byRendered = keys.stream().sorted(Comparator.comparing(FeedKey::render)).toList();
        assertEquals(byRendered, byKey);
    }

    @Test
    void parseReadsWhatRenderWrites_toTheMillisecond() {
        FeedKey key = new FeedKey(Instant.parse("2026-11-23T14:09:49.123456Z"), "76d4847c855c7079");
        assertEquals("2026-11-23T14:09:49.123Z#76d4847c855c7079", key.render());
        assertEquals(key, FeedKey.parse(key.render()));
    }

    @Test
    void parseRefusesWhatIsNotAKey() {
        for (String notAKey : new String[] {"", "2026-11-23#76d4847c855c7079", "2026-11-23T14:09:49.123Z#XYZ",
                "2026-13-45T14:09:49.123Z#76d4847c855c7079"}) {
            assertThrows(IllegalArgumentException.class, () -> FeedKey.parse(notAKey), notAKey);
        }
    }
}
