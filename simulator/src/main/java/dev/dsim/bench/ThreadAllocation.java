package dev.dsim.bench;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Bytes the calling thread has allocated so far, from the JVM's own per-thread counter (the
 * {@code CurrentThreadAllocatedBytes} attribute of the threading MXBean, read through JMX so
 * that nothing depends on a vendor's classes). For allocation per event or per request: what a
 * run allocates is the difference of two readings on the thread that ran it.
 */
public final class ThreadAllocation {
  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
  private static final ObjectName THREADING = threading();

  private ThreadAllocation() {}

  /** True when this JVM counts allocation per thread (HotSpot does). */
  public static boolean supported() {
    return currentThreadAllocatedBytes() >= 0;
  }

  /** Bytes allocated by the calling thread since it started; -1 when the JVM cannot say. */
  public static long currentThreadAllocatedBytes() {
    try {
      Object v = SERVER.getAttribute(THREADING, "CurrentThreadAllocatedBytes");
      return v instanceof Long bytes ? bytes : -1;
    } catch (JMException | UnsupportedOperationException e) {
      return -1; // not a HotSpot-like JVM, or allocation counting switched off
    }
  }

  private static ObjectName threading() {
    try {
      return new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME);
    } catch (JMException e) {
      throw new IllegalStateException(e);
    }
  }
}
