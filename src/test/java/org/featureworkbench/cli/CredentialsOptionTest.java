package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --credentials-file [--profile]}: the profile the AWS tools would pick, or a KEY:SECRET line. */
class CredentialsOptionTest {
    private static final String AWS_FILE = """
            # written by aws configure
            [work]
            aws_access_key_id = AKIAWORKPROFILE00001
            aws_secret_access_key = work/secret

            [default]
            aws_access_key_id=AKIADEFAULTPROFILE01
            aws_secret_access_key=default/secret

            [temporary]
            aws_access_key_id = ASIATEMPORARY0000001
            aws_secret_access_key = temp/secret
            aws_session_token = token/from+sts==

            [sso]
            sso_session = my-sso
            sso_account_id = 123456789012
            """;

    @TempDir
    Path dir;

    @Test
    void theDefaultProfileIsReadNotTheFirst() throws IOException {
        ApiCredentials key = read(AWS_FILE, null);
        assertEquals("AKIADEFAULTPROFILE01", key.accessKeyId());
        assertEquals("default/secret", key.secretKey());
        assertEquals(Optional.empty(), key.sessionToken());
    }

    @Test
    void profileNamesAnotherProfileAndATemporaryOneKeepsItsToken() throws IOException {
        assertEquals("AKIAWORKPROFILE00001", read(AWS_FILE, "work").accessKeyId());
        assertEquals(Optional.of("token/from+sts=="), read(AWS_FILE, "temporary").sessionToken());
    }

    @Test
    void aMissingOrKeylessProfileIsRefusedSayingWhatTheFileHas() throws IOException {
        ValidationException missing = assertThrows(ValidationException.class, () -> read(AWS_FILE, "prod"));
        assertTrue(missing.getMessage().contains("no [prod] profile") && missing.getMessage().contains("[work]"),
                missing.getMessage());
        ValidationException sso = assertThrows(ValidationException.class, () -> read(AWS_FILE, "sso"));
        assertTrue(sso.getMessage().contains("needs both aws_access_key_id"), sso.getMessage());
        ValidationException noDefault = assertThrows(ValidationException.class,
                () -> read("[work]\naws_access_key_id = A\naws_secret_access_key = B\n", null));
        assertTrue(noDefault.getMessage().contains("no [default] profile") && noDefault.getMessage().contains("--profile"),
                noDefault.getMessage());
    }

    @Test
    void aKeySecretLineStillWorksButTakesNoProfile() throws IOException {
        assertEquals("AKIALOCAL", read("# local key\nAKIALOCAL:s3cret\n", null).accessKeyId());
        assertThrows(ValidationException.class, () -> read("AKIALOCAL:s3cret\n", "work"));
        ValidationException noFile = assertThrows(ValidationException.class,
                () -> CredentialsOption.read(null, null, "work"));
        assertTrue(noFile.getMessage().startsWith("--profile"), noFile.getMessage());
    }

    private ApiCredentials read(String content, String profile) throws IOException {
        Path file = Files.writeString(dir.resolve("credentials"), content);
        return CredentialsOption.read(null, file, profile).orElseThrow();
    }
}
