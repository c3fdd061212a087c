package io.github.streamjpa.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A network interceptor that keeps requests off HTTP/1.1 connections the server has already closed,
 * which servers and load balancers do to idle connections without warning.
 *
 * <p>Before a request that is not safe to repeat is written on a reused connection, it reads the
 * connection for 1 ms: an end of stream (or any byte, which no idle HTTP/1.1 connection may carry)
 * means the server is gone, so the connection is closed and the request fails with a {@link
 * StaleConnectionException} without having been sent. Requests that are safe to repeat skip that
 * wait; when one fails on a reused connection before any answer, it fails the same way. {@link
 * RetryInterceptor} then sends the request on another connection. HTTP/2 connections are left to
 * OkHttp.
 */
public final class StaleConnectionInterceptor implements Interceptor {
  /** Connections that have carried a request; weak, so closed ones drop out with the pool's. */
  private final Set<Connection> used =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    if (connection == null
        || (connection.protocol() != Protocol.HTTP_1_1
            && connection.protocol() != Protocol.HTTP_1_0)) {
      return chain.proceed(request);
    }
    if (used.add(connection)) {
      // A connection's first request: the server cannot have closed it while it sat unused.
      return chain.proceed(request);
    }
    String host = request.url().host();
    if (!RetryInterceptor.isSafeToRepeat(request)) {
      if (closedByServer(connection.socket())) {
        closeQuietly(connection.socket());
        throw StaleConnectionException.closedBeforeWrite(host);
      }
      return chain.proceed(request);
    }
    try {
      return chain.proceed(request);
    } catch (InterruptedIOException e) {
      // A timeout or an interrupt is not a closed connection.
      throw e;
    } catch (IOException e) {
      throw StaleConnectionException.failedOnReuse(host, e);
    }
  }

  /** Reads for 1 ms: only a healthy idle connection times out. */
  private static boolean closedByServer(Socket socket) {
    try {
      int timeout = socket.getSoTimeout();
      try {
        socket.setSoTimeout(1);
        InputStream in = socket.getInputStream();
        in.read();
        return true;
      } catch (SocketTimeoutException healthy) {
        return false;
      } finally {
        socket.setSoTimeout(timeout);
      }
    } catch (IOException e) {
      return true;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // It is being discarded either way.
    }
  }
}
