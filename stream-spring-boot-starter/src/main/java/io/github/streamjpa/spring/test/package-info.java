/**
 * Test support: {@link io.github.streamjpa.spring.test.AutoConfigureStreamEmulator} runs a
 * {@code @SpringBootTest} or {@code @DataJpaTest} against an embedded Stream emulator.
 */
package io.github.streamjpa.spring.test;
