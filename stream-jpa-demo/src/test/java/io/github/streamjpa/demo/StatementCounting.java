package io.github.streamjpa.demo;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Counts the JDBC statements each HTTP request prepares and answers the count in the {@value
 * #HEADER} response header. Statements of other threads (the outbox dispatcher) are not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounting {

  static final String HEADER = "X-Statement-Count";

  private static final ThreadLocal<int[]> REQUEST_COUNT = new ThreadLocal<>();
  private static final Set<String> STATEMENT_METHODS =
      Set.of("prepareStatement", "createStatement", "prepareCall");

  @Bean
  static BeanPostProcessor statementCountingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? counting(dataSource) : bean;
      }
    };
  }

  @Bean
  FilterRegistrationBean<Filter> statementCountFilter() {
    Filter filter =
        (request, response, chain) -> {
          int[] count = new int[1];
          REQUEST_COUNT.set(count);
          ContentCachingResponseWrapper buffered =
              new ContentCachingResponseWrapper(
                  (jakarta.servlet.http.HttpServletResponse) response);
          try {
            chain.doFilter(request, buffered);
          } finally {
            REQUEST_COUNT.remove();
          }
          buffered.setHeader(HEADER, String.valueOf(count[0]));
          buffered.copyBodyToResponse();
        };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Integer.MIN_VALUE);
    return registration;
  }

  private static DataSource counting(DataSource target) {
    return proxy(
        DataSource.class,
        target,
        (method, result) ->
            result instanceof Connection connection
                ? proxy(Connection.class, connection, StatementCounting::countStatement)
                : result);
  }

  private static Object countStatement(Method method, Object result) {
    int[] count = REQUEST_COUNT.get();
    if (count != null && STATEMENT_METHODS.contains(method.getName())) {
      count[0]++;
    }
    return result;
  }

  private interface AfterCall {
    Object apply(Method method, Object result);
  }

  private static <T> T proxy(Class<T> type, T target, AfterCall after) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
            return method.invoke(target, args);
          }
          try {
            return after.apply(method, method.invoke(target, args));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
