package io.hivemind.replay.log;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The offsets of one partition a replay reads: [from, to). */
public record PartitionSlice(
    @JsonProperty("partition") int partition,
    @JsonProperty("from_offset") long fromOffset,
    @JsonProperty("to_offset") long toOffset) {

  public long size() {
    return toOffset - fromOffset;
  }
}
