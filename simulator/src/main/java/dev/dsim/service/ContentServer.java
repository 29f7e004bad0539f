package dev.dsim.service;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Rng;
import dev.dsim.world.Context;
import dev.dsim.world.DiskRead;
import dev.dsim.world.DiskStatus;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A static-content server (a CDN edge, an image server): each request costs CPU work, then reads
 * one file, drawn uniformly, from the node's disk and sends it back. It shows what disks do to a
 * service:
 *
 * <ul>
 *   <li>on start, a server whose disk lacks its files (first boot, or a crash that wiped the disk)
 *       provisions them from the origin (writes them all and fsyncs) and fails requests until
 *       done;
 *   <li>a read that fails (a latent sector error, or a corrupt block caught by a checksum) fails
 *       the request, and the server repairs the file by writing it again from the origin;
 *   <li>without checksums, a flipped bit is served as if fine, to every client that asks for the
 *       file, until something rewrites it.
 * </ul>
 *
 * <p>The server cannot tell damaged content from good (that is the point); the simulator can,
 * because it knows what was stored, and marks the response {@link Response#damaged()} so that the
 * metrics count corruption that reached a client.
 */
public final class ContentServer implements Process {
  /**
   * @param workNanos CPU work per request at speed 1
   * @param files how many files the server holds
   * @param fileBytes size of each file
   */
  public record Config(Distribution workNanos, int files, int fileBytes) {
    public Config {
      Objects.requireNonNull(workNanos, "workNanos");
      if (files < 1 || fileBytes < 1) {
        throw new IllegalArgumentException("need at least one file of at least one byte");
      }
    }
  }

  private final Config config;
  private ContinuousSampler work;
  private Rng pick;
  private boolean ready;

  public ContentServer(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public void onStart(Context ctx) {
    work = config.workNanos().sampler(ctx.rng().fork("work"));
    pick = ctx.rng().fork("files");
    List<String> present = ctx.disk().keys();
    if (present.size() >= config.files()) {
      ready = true;
      return;
    }
    for (int i = 0; i < config.files(); i++) {
      if (!present.contains(key(i))) {
        ctx.disk().write(key(i), content(i), null);
      }
    }
    ctx.disk().fsync(() -> {
      ready = true;
      ctx.log("provisioned " + config.files() + " files");
    });
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    if (HealthCheck.answerPing(ctx, message) || !(message.payload() instanceof Request r)) {
      return;
    }
    int from = message.from();
    if (!ready) {
      ctx.send(from, new Response(r.id(), false));
      return;
    }
    int file = pick.nextInt(config.files());
    ctx.compute(Math.round(work.sample()), () -> ctx.disk().read(key(file),
        read -> answer(ctx, from, r, file, read)));
  }

  private void answer(Context ctx, int to, Request r, int file, DiskRead read) {
    if (read.ok()) {
      boolean damaged = r.damaged() || !Arrays.equals(read.value(), content(file));
      ctx.send(to, new Response(r.id(), true, damaged));
      return;
    }
    ctx.send(to, new Response(r.id(), false));
    if (read.status() == DiskStatus.CORRUPT || read.status() == DiskStatus.IO_ERROR) {
      ctx.log("repairing " + key(file) + " after " + read.status());
      ctx.disk().write(key(file), content(file), null);
    }
  }

  private static String key(int file) {
    return "file-" + file;
  }

  /** The file's true content, as the origin has it. */
  private byte[] content(int file) {
    byte[] b = new byte[config.fileBytes()];
    for (int j = 0; j < b.length; j++) {
      b[j] = (byte) (file * 31 + j);
    }
    return b;
  }
}
