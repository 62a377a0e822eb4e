package ca.calgary.representation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

class ServiceSecurityTest {

    private final ServiceSecurity security = new ServiceSecurity();
    private final UserDetailsService users = security.serviceUsers(new ServiceSecurityProperties(List.of(
            new ServiceSecurityProperties.User("leader", "{noop}leader-secret", List.of("LEADERSHIP"))), "roles"));

    @Test
    void aPlainTextPasswordStaysPlainTextAfterSigningInSoLaterRequestsPayNoBcryptCheck() {
        PasswordEncoder encoder = security.passwordEncoder();
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        if (users instanceof UserDetailsPasswordService passwords) {
            provider.setUserDetailsPasswordService(passwords); // what Spring Security does with such a store
        }
        for (int request = 0; request < 2; request++) {
            Authentication signedIn = provider.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("leader", "leader-secret"));
            assertThat(signedIn.isAuthenticated()).isTrue();
            assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_LEADERSHIP");
        }
        assertThat(users.loadUserByUsername("leader").getPassword()).isEqualTo("{noop}leader-secret");
    }
}
