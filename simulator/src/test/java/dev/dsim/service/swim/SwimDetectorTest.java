package dev.dsim.service.swim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.service.FailureDetector;
import dev.dsim.world.Context;
import dev.dsim.world.LinkConfig;
import dev.dsim.world.Message;
import dev.dsim.world.Node;
import dev.dsim.world.Process;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What SWIM must do for a group of processes: nobody suspected while all is well, a crash
 * suspected by every member within a few periods, a member back from a restart or a partition
 * trusted again, indirect probes covering a bad link, and a constant number of messages per
 * member and period whatever the group's size.
 */
final class SwimDetectorTest {
  private static final long MS = 1_000_000L;
  private static final SwimConfig CONFIG = new SwimConfig(200 * MS, 40 * MS, 3);

  /** A member of the group doing nothing but SWIM; it counts what it is told. */
  private static final class Member implements Process {
    final Group group;
    final int index;
    SwimDetector swim;
    int suspicions;
    int trusts;

    Member(Group group, int index) {
      this.group = group;
      this.index = index;
    }

    @Override
    public void onStart(Context ctx) {
      swim = new SwimDetector(ctx, index, group.ids, id -> group.indexOf(id), CONFIG,
          ctx.rng().fork("swim"), new FailureDetector.Listener() {
            @Override
            public void suspected(int i) {
              suspicions++;
            }

            @Override
            public void trusted(int i) {
              trusts++;
            }
          });
      swim.start();
    }

    @Override
    public void onMessage(Context ctx, Message m) {
      assertThat(swim.onMessage(m)).isTrue();
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      assertThat(swim.onTimer(tag)).isTrue();
    }
  }

  private static final class Group {
    final Simulation sim = new Simulation(7);
    final World world = new World(sim, new Distribution.Constant(MS / 2));
    final int[] ids;
    final List<Member> members = new ArrayList<>();

    Group(int n) {
      ids = new int[n];
      for (int i = 0; i < n; i++) {
        int index = i;
        Node node = world.addNode("m-" + (i + 1), 1, 1, f -> {
          Member m = new Member(this, index);
          if (members.size() > index) {
            members.set(index, m);
          } else {
            members.add(m);
          }
          return m;
        });
        ids[i] = node.id();
      }
      world.start();
    }

    int indexOf(int id) {
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] == id) {
          return i;
        }
      }
      return -1;
    }

    Node node(int i) {
      return world.node(ids[i]);
    }

    /** Members other than {@code i} (and up) that suspect member {@code i}. */
    int suspecting(int i) {
      int count = 0;
      for (int j = 0; j < members.size(); j++) {
        if (j != i && node(j).isUp() && members.get(j).swim.isSuspected(i)) {
          count++;
        }
      }
      return count;
    }

    int totalSuspected() {
      int count = 0;
      for (int j = 0; j < members.size(); j++) {
        if (node(j).isUp()) {
          count += members.get(j).swim.suspectedCount();
        }
      }
      return count;
    }

    void runFor(long nanos) {
      sim.runUntil(sim.now() + nanos);
    }
  }

  @Test
  void withoutFaults_nobodyIsSuspected() {
    Group g = new Group(30);
    g.runFor(30_000 * MS);
    assertThat(g.totalSuspected()).isZero();
    assertThat(g.members).allSatisfy(m -> assertThat(m.suspicions).isZero());
  }

  @Test
  void aCrash_isSuspectedByEveryMember_andARestartIsTrustedAgain() {
    Group g = new Group(40);
    g.runFor(5_000 * MS);
    g.node(5).crash();
    g.runFor(CONFIG.detectionWindowNanos(40));
    assertThat(g.suspecting(5)).isEqualTo(39);
    assertThat(g.totalSuspected()).isEqualTo(39); // and nobody else
    g.node(5).restart();
    g.runFor(CONFIG.detectionWindowNanos(40));
    assertThat(g.suspecting(5)).isZero();
    assertThat(g.totalSuspected()).isZero();
    // It refuted the suspicion it learnt of on its return.
    assertThat(g.members.get(5).swim.incarnation()).isPositive();
  }

  @Test
  void aHealedPartition_isTrustedAgainOnBothSides() {
    Group g = new Group(20);
    g.runFor(2_000 * MS);
    int[] a = new int[10];
    int[] b = new int[10];
    for (int i = 0; i < 10; i++) {
      a[i] = g.ids[i];
      b[i] = g.ids[10 + i];
    }
    Runnable heal = g.world.network().partition(a, b);
    g.runFor(5_000 * MS);
    // Each side suspects the whole other side, and nobody on its own.
    for (int i = 0; i < 20; i++) {
      assertThat(g.members.get(i).swim.suspectedCount()).as("member %d", i).isEqualTo(10);
      for (int j = 0; j < 20; j++) {
        assertThat(g.members.get(i).swim.isSuspected(j)).isEqualTo(i / 10 != j / 10);
      }
    }
    heal.run();
    g.runFor(2 * CONFIG.detectionWindowNanos(20));
    assertThat(g.totalSuspected()).isZero();
  }

  @Test
  void indirectProbes_keepABadLinkFromRaisingSuspicions() {
    Group g = new Group(12);
    LinkConfig lossy = new LinkConfig(new Distribution.Constant(MS / 2), 0, 0.7);
    g.world.network().configureLink(g.ids[1], g.ids[2], lossy);
    g.world.network().configureLink(g.ids[2], g.ids[1], lossy);
    g.runFor(60_000 * MS);
    assertThat(g.members).allSatisfy(m -> assertThat(m.suspicions).isZero());
  }

  @Test
  void messagesPerMemberAndPeriod_doNotGrowWithTheGroup() {
    double small = messagesPerMemberPeriod(20);
    double large = messagesPerMemberPeriod(400);
    // A ping and its ack per member and period, at either size; heartbeats would send n - 1.
    assertThat(small).isBetween(1.9, 2.1);
    assertThat(large).isBetween(small * 0.95, small * 1.05);
  }

  private static double messagesPerMemberPeriod(int n) {
    Group g = new Group(n);
    g.runFor(10_000 * MS);
    return (double) g.world.network().messagesSent() / n / 50;
  }
}
