package fi.ikkuna.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV quoting and the percentile rule, on their own. */
class TableTest {

    @Test
    void csvFollowsRfc4180() {
        Table t = new Table.Builder("x", "name", "count", "rate").add("plain", 3L, 0.5).add("a,b", 1L, null)
                .add("say \"hi\"", 2L, 1.0).add("two\nlines", 0L, null).add("=cmd()", 1L, null).build();
        assertEquals("name,count,rate\r\nplain,3,0.5\r\n\"a,b\",1,\r\n\"say \"\"hi\"\"\",2,1.0\r\n\"two\nlines\",0,\r\n'=cmd(),1,\r\n",
                t.toCsv());
        assertEquals("{\"table\":\"x\",\"columns\":[\"name\",\"count\",\"rate\"],\"rows\":[{\"name\":\"plain\",\"count\":3,\"rate\":0.5}]}",
                fi.ikkuna.web.Json.write(new Table.Builder("x", "name", "count", "rate").add("plain", 3L, 0.5).build().toJson()));
    }

    @Test
    void nearestRankPercentiles() {
        List<Long> waits = List.of(1800L, 600L, 300L, 1800L, 600L);
        assertEquals(600L, Percentile.of(waits, 50));
        assertEquals(1800L, Percentile.of(waits, 90));
        assertEquals(600L, Percentile.of(List.of(600L, 600L, 1800L, 1800L), 50));
        assertEquals(7L, Percentile.of(List.of(7L), 90));
        assertNull(Percentile.of(List.of(), 50));
        assertEquals(0.3333, Table.round(1, 3));
        assertNull(Table.round(1, 0));
    }
}
