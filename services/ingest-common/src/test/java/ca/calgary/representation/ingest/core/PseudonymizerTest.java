package ca.calgary.representation.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    /** 32 bytes 0x00..0x1f. */
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void employeeKeyIsUnpaddedBase64UrlOfHmacSha256() {
        // Expected value computed independently: Python hmac.new(bytes(range(32)), b"E001", sha256), base64url.
        assertThat(Pseudonymizer.fromEncodedKey(KEY).employeeKey("E001"))
                .isEqualTo("XoS8tvJ5i5UTTgSNncVRC4CtdEGO2ngEtS9ixoaHMrc");
    }

    @Test
    void theSameKeyInBase64UrlGivesTheSameEmployeeKey() {
        String urlForm = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
        assertThat(Pseudonymizer.fromEncodedKey(urlForm).employeeKey("E001"))
                .isEqualTo(Pseudonymizer.fromEncodedKey(KEY).employeeKey("E001"));
    }

    @Test
    void differentKeysGiveUnlinkableEmployeeKeys() {
        Pseudonymizer other = new Pseudonymizer(new byte[32]);
        assertThat(other.employeeKey("E001")).isNotEqualTo(Pseudonymizer.fromEncodedKey(KEY).employeeKey("E001"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new Pseudonymizer(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void aKeyThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> Pseudonymizer.fromEncodedKey("not base64 at all!"))
                .hasMessageContaining("not base64");
    }

    @Test
    void eventKeyIsTheHmacOfTheEventIdUnderItsOwnDomainPrefix() {
        Pseudonymizer pseudonymizer = Pseudonymizer.fromEncodedKey(KEY);
        // Computed independently: Python hmac.new(bytes(range(32)), b"representation-monitor/event-id\x00"
        // + b"hr-000123", sha256), base64url without padding (docs/publishing-events.md quotes it).
        assertThat(pseudonymizer.eventKey("hr-000123")).isEqualTo("-1jTyjonO0Y6TJ6Div-rreeOoyuxOIEZyawiJvb3TGY");
        // an eventId that happens to equal an employeeId must not reveal that employee's key
        assertThat(pseudonymizer.eventKey("E001")).isNotEqualTo(pseudonymizer.employeeKey("E001"));
        assertThat(pseudonymizer.requestKey("E001")).isNotIn(pseudonymizer.employeeKey("E001"),
                pseudonymizer.eventKey("E001"), pseudonymizer.fingerprint("E001"));
    }

    @Test
    void fingerprintsAreKeyedAndDistinctFromEmployeeKeys() {
        Pseudonymizer pseudonymizer = Pseudonymizer.fromEncodedKey(KEY);
        assertThat(pseudonymizer.fingerprint("E001")).isNotEqualTo(pseudonymizer.employeeKey("E001"));
        assertThat(pseudonymizer.fingerprint("content")).isEqualTo(pseudonymizer.fingerprint("content"));
        assertThat(new Pseudonymizer(new byte[32]).fingerprint("content"))
                .isNotEqualTo(pseudonymizer.fingerprint("content"));
    }
}
