package org.safesessions.k8scheck;

import org.junit.jupiter.api.Test;
import org.safesessions.k8scheck.schema.CrdSchemaExtraction;
import org.safesessions.k8scheck.schema.VendoredCrds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The schemas kept in the project are exactly what the operators' CRDs say, descriptions aside. */
class VendoredCrdSchemasTest {

    private static final Path CRDS = Repository.ROOT.resolveSibling("shared/contracts/k8s-crds");

    @Test
    void vendoredSchemasMatchTheOperatorsCrds() throws IOException {
        assumeTrue(Files.isDirectory(CRDS), "the operators' CRDs are not beside the repository (" + CRDS + ")");

        for (VendoredCrds.Crd crd : VendoredCrds.EXTRACTED) {
            String vendored = Files.readString(Repository.ROOT.resolve("k8s-check/src/main/resources")
                    .resolve(crd.resource()));

            assertEquals(CrdSchemaExtraction.render(crd, CRDS), vendored, crd.resource()
                    + " differs from its CRD: run CrdSchemaExtraction (k8s-check/README.md)");
        }
    }
}
