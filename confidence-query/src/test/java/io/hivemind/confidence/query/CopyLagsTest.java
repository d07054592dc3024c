package io.hivemind.confidence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CopyLagsTest {

  @Test
  void shouldTakeTheFurtherBehindOfAnActiveCopysTwoLags() {
    Map<Integer, LocalCopy> copies =
        CopyLags.combine(
            Set.of(0, 1), Set.of(), Map.of(0, 0L, 1, 40L), Map.of(0, 7L, 1, 3L), Set.of(0, 1));

    assertThat(copies).containsEntry(0, LocalCopy.active(7)).containsEntry(1, LocalCopy.active(40));
  }

  @Test
  void shouldCountAnActiveCopyWithoutASourceLagAsNotMeasured() {
    Map<Integer, LocalCopy> copies =
        CopyLags.combine(Set.of(2), Set.of(), Map.of(2, 0L), Map.of(), Set.of(2));

    assertThat(copies).containsEntry(2, LocalCopy.unmeasured(true));
  }

  @Test
  void shouldMeasureAStandbyByItsChangelogLag() {
    Map<Integer, LocalCopy> copies =
        CopyLags.combine(Set.of(), Set.of(4, 5), Map.of(4, 12L), Map.of(4, 99999L), Set.of());

    assertThat(copies)
        .containsEntry(4, LocalCopy.standby(12))
        .containsEntry(5, LocalCopy.unmeasured(false));
  }

  @Test
  void shouldMarkAnActiveCopyNotSettledAsTakingOver() {
    Map<Integer, LocalCopy> copies =
        CopyLags.combine(Set.of(6), Set.of(), Map.of(6, 0L), Map.of(6, 2L), Set.of());

    assertThat(copies).containsEntry(6, LocalCopy.takingOver(2));
    assertThat(copies.get(6).within(1000)).isFalse();
  }
}
