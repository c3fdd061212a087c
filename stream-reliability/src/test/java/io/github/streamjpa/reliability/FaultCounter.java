package io.github.streamjpa.reliability;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts, per attempt on the wire, the faults a client met: 5xx answers, 429 answers and
 * connections that failed without an answer.
 */
final class FaultCounter implements Interceptor {
  final AtomicLong serverErrors = new AtomicLong();
  final AtomicLong rateLimited = new AtomicLong();
  final AtomicLong noAnswer = new AtomicLong();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      noAnswer.incrementAndGet();
      throw e;
    }
    if (response.code() >= 500) {
      serverErrors.incrementAndGet();
    } else if (response.code() == 429) {
      rateLimited.incrementAndGet();
    }
    return response;
  }

  long total() {
    return serverErrors.get() + rateLimited.get() + noAnswer.get();
  }

  @Override
  public String toString() {
    return "5xx="
        + serverErrors.get()
        + " 429="
        + rateLimited.get()
        + " no-answer="
        + noAnswer.get();
  }
}
