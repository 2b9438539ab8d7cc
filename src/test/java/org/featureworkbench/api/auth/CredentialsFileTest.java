package org.featureworkbench.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.model.FeatureStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {
    @TempDir
    Path dir;

    @Test
    void oneLineKeyColonSecretIsRead() throws IOException {
        ApiCredentials read = CredentialsFile.read(write("# local endpoint\nAKIALOCAL:se:cr/et+1\n"));
        assertEquals(new ApiCredentials("AKIALOCAL", "se:cr/et+1"), read);
    }

    @Test
    void anAwsSharedCredentialsFileGivesItsDefaultProfile() throws IOException {
        ApiCredentials read = CredentialsFile.read(write("[dev]\naws_access_key_id = AKIADEV\n"
                + "aws_secret_access_key = dev-secret\n\n[default]\naws_access_key_id=AKIADEFAULT\n"
                + "aws_secret_access_key=default-secret\nregion = us-east-1\n"));
        assertEquals(new ApiCredentials("AKIADEFAULT", "default-secret"), read);
    }

    @Test
    void withoutADefaultProfileTheFirstCompleteOneIsUsed() throws IOException {
        ApiCredentials read = CredentialsFile.read(write("[empty]\nregion=x\n[dev]\naws_access_key_id = AKIADEV\n"
                + "aws_secret_access_key = dev-secret\n"));
        assertEquals(new ApiCredentials("AKIADEV", "dev-secret"), read);
    }

    @Test
    void aFileWithoutAKeySaysHowItShouldLookWithoutEchoingIt() throws IOException {
        FeatureStoreException error = assertThrows(FeatureStoreException.class,
                () -> CredentialsFile.read(write("[default]\naws_secret_access_key = only-a-secret\n")));
        assertTrue(error.getMessage().contains("ACCESS_KEY:SECRET"), error.getMessage());
        assertFalse(error.getMessage().contains("only-a-secret"));
        FeatureStoreException missing = assertThrows(FeatureStoreException.class,
                () -> CredentialsFile.read(dir.resolve("nope.txt")));
        assertTrue(missing.getMessage().contains("cannot read the credentials file"), missing.getMessage());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("credentials"), content);
    }
}
