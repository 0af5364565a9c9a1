import java.io.File;
import java.util.Optional;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

/**
 * Loads an ontology file with the OWL API (Protégé's library) and exits non-zero on a parse
 * error, on any triple the RDF parser could not turn into an axiom, or on an OWL 2 DL violation.
 * Prints one summary line: format, axiom count, unparsed triples, profile violations.
 */
public final class OwlApiCheck {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: OwlApiCheck FILE");
            System.exit(2);
        }
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology;
        try {
            ontology = manager.loadOntologyFromOntologyDocument(new File(args[0]));
        } catch (Exception e) {
            System.err.println("PARSE ERROR: " + e.getMessage());
            System.exit(1);
            return;
        }
        OWLDocumentFormat format = manager.getOntologyFormat(ontology);
        int unparsed = 0;
        Optional<OWLOntologyLoaderMetaData> meta = format.getOntologyLoaderMetaData();
        if (meta.isPresent() && meta.get() instanceof RDFParserMetaData) {
            RDFParserMetaData rdf = (RDFParserMetaData) meta.get();
            unparsed = (int) rdf.getUnparsedTriples()
                .peek(triple -> System.err.println("UNPARSED: " + triple))
                .count();
        }
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation violation : report.getViolations()) {
            System.err.println("DL VIOLATION: " + violation);
        }
        int violations = report.getViolations().size();
        System.out.println("format=" + format.getKey() + " axioms=" + ontology.getAxiomCount()
            + " unparsed=" + unparsed + " violations=" + violations);
        System.exit(unparsed == 0 && violations == 0 ? 0 : 1);
    }
}
