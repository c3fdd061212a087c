package io.github.streamjpa.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.SessionFactory;

/**
 * One soak thread: it creates, edits and deletes posts and subscriptions in transactions of one
 * application instance until its deadline. Each thread changes only the posts it created and the
 * subscriptions of its own followers, so threads never wait on each other's rows.
 */
final class Workload implements Runnable {
  /** Counters shared by every thread. */
  static final class Counters {
    final AtomicLong entities = new AtomicLong();
    final AtomicLong operations = new AtomicLong();
    final AtomicLong failedTransactions = new AtomicLong();
  }

  private final SessionFactory factory;
  private final int thread;
  private final int threads;
  private final int members;
  private final long deadlineNanos;
  private final int pauseMillis;
  private final Counters counters;
  private final Random random;
  private final List<Long> posts = new ArrayList<>();

  /** follower id → (followed id → subscription id). */
  private final Map<Long, Map<Long, Long>> subscriptions = new HashMap<>();

  Workload(
      SessionFactory factory,
      int thread,
      int threads,
      int members,
      long deadlineNanos,
      int pauseMillis,
      long seed,
      Counters counters) {
    this.factory = factory;
    this.thread = thread;
    this.threads = threads;
    this.members = members;
    this.deadlineNanos = deadlineNanos;
    this.pauseMillis = pauseMillis;
    this.counters = counters;
    this.random = new Random(seed * 31 + thread);
  }

  @Override
  public void run() {
    while (System.nanoTime() < deadlineNanos) {
      try {
        step();
      } catch (RuntimeException e) {
        counters.failedTransactions.incrementAndGet();
        System.err.println("soak thread " + thread + ": transaction failed: " + e);
      }
      try {
        Thread.sleep(random.nextInt(2 * pauseMillis + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void step() {
    int dice = random.nextInt(100);
    if (dice < 35 || posts.isEmpty()) {
      createPosts(1 + random.nextInt(3));
    } else if (dice < 60) {
      retitle(posts.get(random.nextInt(posts.size())));
    } else if (dice < 70) {
      delete(posts.remove(random.nextInt(posts.size())));
    } else if (dice < 82) {
      follow();
    } else if (dice < 88) {
      unfollow();
    } else if (dice < 95) {
      createAndRetitle();
    } else {
      createAndDelete();
    }
  }

  private long randomMember() {
    return 1 + random.nextInt(members);
  }

  private void createPosts(int count) {
    List<Long> created =
        factory.fromTransaction(
            s -> {
              List<Post> batch = new ArrayList<>();
              for (int i = 0; i < count; i++) {
                Post post = new Post(s.getReference(Member.class, randomMember()), title());
                s.persist(post);
                batch.add(post);
              }
              s.flush();
              return batch.stream().map(Post::getId).toList();
            });
    posts.addAll(created);
    counters.entities.addAndGet(count);
    counters.operations.addAndGet(count);
  }

  private void retitle(long id) {
    factory.inTransaction(s -> s.find(Post.class, id).retitle(title()));
    counters.operations.incrementAndGet();
  }

  private void delete(long id) {
    factory.inTransaction(s -> s.remove(s.find(Post.class, id)));
    counters.operations.incrementAndGet();
  }

  /** A post created and edited in one transaction: one add with the edited content. */
  private void createAndRetitle() {
    long id =
        factory.fromTransaction(
            s -> {
              Post post = new Post(s.getReference(Member.class, randomMember()), title());
              s.persist(post);
              s.flush();
              post.retitle(title());
              return post.getId();
            });
    posts.add(id);
    counters.entities.incrementAndGet();
    counters.operations.addAndGet(2);
  }

  /** A post created and deleted in one transaction: nothing to send. */
  private void createAndDelete() {
    factory.inTransaction(
        s -> {
          Post post = new Post(s.getReference(Member.class, randomMember()), title());
          s.persist(post);
          s.flush();
          s.remove(post);
        });
    counters.entities.incrementAndGet();
    counters.operations.addAndGet(2);
  }

  private void follow() {
    long follower = ownFollower();
    long followed = randomMember();
    Map<Long, Long> own = subscriptions.computeIfAbsent(follower, f -> new HashMap<>());
    if (followed == follower || own.containsKey(followed)) {
      return;
    }
    long id =
        factory.fromTransaction(
            s -> {
              Subscription subscription =
                  new Subscription(
                      s.getReference(Member.class, follower),
                      s.getReference(Member.class, followed));
              s.persist(subscription);
              s.flush();
              return subscription.getId();
            });
    own.put(followed, id);
    counters.entities.incrementAndGet();
    counters.operations.incrementAndGet();
  }

  private void unfollow() {
    Map<Long, Long> own = subscriptions.get(ownFollower());
    if (own == null || own.isEmpty()) {
      return;
    }
    List<Long> followed = new ArrayList<>(own.keySet());
    long id = own.remove(followed.get(random.nextInt(followed.size())));
    factory.inTransaction(s -> s.remove(s.find(Subscription.class, id)));
    counters.operations.incrementAndGet();
  }

  /** A member whose subscriptions this thread owns: ids congruent to the thread modulo threads. */
  private long ownFollower() {
    int owned = (members - thread + threads - 1) / threads;
    return thread + 1 + (long) random.nextInt(owned) * threads;
  }

  private String title() {
    return "title " + Long.toHexString(random.nextLong());
  }
}
