package io.hivemind.bench.load;

/**
 * The {@code i}-th request of a run (from 0). Called on the run's event loop only, one call at a
 * time, so it may keep unsynchronized state (a seeded random, a counter); it must be quick, since
 * its time is part of the client's. A closed loop stops sending when it answers null.
 */
@FunctionalInterface
public interface RequestSupplier {

  LoadRequest request(long i);
}
