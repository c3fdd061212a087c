package io.github.streamjpa.demo.system;

import io.github.streamjpa.core.StreamApiException;
import io.github.streamjpa.demo.people.SignInRequiredException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns bad input into a 400 page and unknown things into a 404 page, each naming the value and the
 * rule, never a stack trace.
 */
@ControllerAdvice
class ErrorPages {

  @ExceptionHandler(SignInRequiredException.class)
  String signIn() {
    return "redirect:/signin";
  }

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    return page(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ModelAndView badInput(IllegalArgumentException e) {
    return page(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
    String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    return page(
        HttpStatus.BAD_REQUEST,
        "'"
            + shorten(String.valueOf(e.getValue()))
            + "' is not a valid "
            + type
            + " for '"
            + e.getName()
            + "'");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ModelAndView missingParameter(MissingServletRequestParameterException e) {
    return page(HttpStatus.BAD_REQUEST, "the form is missing '" + e.getParameterName() + "'");
  }

  /** Stream refused the request (e.g. a cursor that is no activity id) or could not answer. */
  @ExceptionHandler(StreamApiException.class)
  ModelAndView streamRefused(StreamApiException e) {
    int status = e.httpStatus();
    if (status >= 500 || status == 401 || status == 403 || status == 429) {
      return page(HttpStatus.BAD_GATEWAY, "the feed service could not answer: " + e.detail());
    }
    return page(HttpStatus.BAD_REQUEST, "the feed refused this request: " + e.detail());
  }

  private static ModelAndView page(HttpStatus status, String message) {
    ModelAndView view = new ModelAndView("error");
    view.setStatus(status);
    view.addObject("status", status.value());
    view.addObject("error", status.getReasonPhrase());
    view.addObject("message", message);
    return view;
  }

  private static String shorten(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "..." : value;
  }
}
