package io.github.streamjpa.demo.people;

import static io.github.streamjpa.demo.TestEntities.person;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.streamjpa.demo.notifications.UnseenCounter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(SignInController.class)
class SignInControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean PersonRepository people;
  @MockitoBean UnseenCounter unseenCounter;

  @Test
  void signInPageListsEveryone() throws Exception {
    when(people.findAllByOrderByNameAsc())
        .thenReturn(List.of(person(1, "ann", "Ann Archer"), person(2, "bob", "Bob Baker")));

    mvc.perform(get("/signin"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("signin-ann")))
        .andExpect(content().string(containsString("Bob Baker")));
  }

  @Test
  void signingInRemembersThePersonInTheSession() throws Exception {
    when(people.existsById(2L)).thenReturn(true);

    mvc.perform(post("/signin").param("personId", "2"))
        .andExpect(redirectedUrl("/timeline"))
        .andExpect(request().sessionAttribute(SignedIn.SESSION_KEY, 2L));
  }

  @Test
  void signingInAsSomeoneUnknownIsA404Page() throws Exception {
    mvc.perform(post("/signin").param("personId", "99"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("person 99 does not exist")));
  }

  @Test
  void signingInWithoutPersonIsA400Page() throws Exception {
    mvc.perform(post("/signin")).andExpect(status().isBadRequest());
    mvc.perform(post("/signin").param("personId", "x")).andExpect(status().isBadRequest());
  }

  @Test
  void signingOutForgetsThePerson() throws Exception {
    mvc.perform(post("/signout").sessionAttr(SignedIn.SESSION_KEY, 2L))
        .andExpect(redirectedUrl("/"))
        .andExpect(request().sessionAttributeDoesNotExist(SignedIn.SESSION_KEY));
  }
}
