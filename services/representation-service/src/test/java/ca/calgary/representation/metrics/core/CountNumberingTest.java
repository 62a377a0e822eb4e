package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every (row, measure, group) of a table has its own number, from 0 to the table's size, and is read back from it. */
class CountNumberingTest {

    @Test
    void everyCountHasItsOwnNumberAndIsReadBackFromIt() {
        CountNumbering numbering = new CountNumbering(7, FlowMeasure.values().length);
        Set<Integer> numbers = new HashSet<>();
        for (int row = 0; row < numbering.rows(); row++) {
            for (int measure = 0; measure < numbering.measures(); measure++) {
                for (Group group : Group.values()) {
                    int number = numbering.of(row, measure, group);
                    assertThat(number).isBetween(0, numbering.size() - 1);
                    assertThat(numbers.add(number)).isTrue();
                    assertThat(numbering.row(number)).isEqualTo(row);
                    assertThat(numbering.measure(number)).isEqualTo(measure);
                    assertThat(numbering.group(number)).isEqualTo(group);
                }
            }
        }
        assertThat(numbers).hasSize(numbering.size());
    }
}
