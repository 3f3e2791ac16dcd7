// Package export writes a catalog in another tool's format: Backstage
// entities, OpenSLO documents and ServiceNow CSDM import files. Each
// format lives in its own file; an export is a list of files (one per
// document, or the CSVs) that the CLI writes to a folder or, for the YAML
// formats, joins into one stream.
package export

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
)

// Format names, as --format takes them.
const (
	Backstage = "backstage"
	OpenSLO   = "openslo"
	CSDM      = "csdm"
)

// Formats lists the export formats.
func Formats() []string { return []string{Backstage, OpenSLO, CSDM} }

// AnnotationPrefix starts every annotation svccat writes into another
// tool's documents: what the target has no field for is kept there.
const AnnotationPrefix = "svccat.dev/"

// IDAnnotation holds the svccat id ("Kind/name") of the entity a document
// was made from, so that a reader can find its source.
const IDAnnotation = AnnotationPrefix + "id"

// DefaultMetricSource names the OpenSLO DataSource placeholder when the
// config does not (export.openslo.metricSource).
const DefaultMetricSource = "svccat-metric-source"

// Options tune an export.
type Options struct {
	// MetricSource names the OpenSLO DataSource every SLI refers to.
	MetricSource string
}

// File is one file of an export.
type File struct {
	// Name is the file's name in an --out folder.
	Name string
	Data []byte
}

// Export is the catalog in one target format.
type Export struct {
	Format string
	Files  []File
	// Stream reports whether the files are YAML documents that join into
	// one stream (backstage, openslo); CSDM's CSV files do not.
	Stream bool
	// Notes are what the user must know about the export (placeholders
	// written, data the target has no place for); the CLI prints them on
	// stderr.
	Notes []string
}

// Bytes joins a stream format's documents into one YAML stream.
func (e *Export) Bytes() []byte {
	var b bytes.Buffer
	for i, f := range e.Files {
		if i > 0 {
			b.WriteString("---\n")
		}
		b.Write(f.Data)
	}
	return b.Bytes()
}

// Build exports the catalog in the named format.
func Build(format string, c *catalog.Catalog, opt Options) (*Export, error) {
	if opt.MetricSource == "" {
		opt.MetricSource = DefaultMetricSource
	}
	switch format {
	case Backstage:
		return buildBackstage(c)
	case OpenSLO:
		return buildOpenSLO(c, opt)
	case CSDM:
		return buildCSDM(c)
	}
	return nil, fmt.Errorf("unknown export format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}

// lifecycle is the service's lifecycle, live where the model has none
// (a catalog built in code rather than loaded).
func lifecycle(s *catalog.Service) string {
	if s.Lifecycle == "" {
		return catalog.Live
	}
	return s.Lifecycle
}

// Exported reports whether a service leaves svccat: retired services are
// kept for the record only, and no other tool needs them.
func Exported(s *catalog.Service) bool { return lifecycle(s) != catalog.Retired }

// docFileName is a document's file name in an --out folder: its kind and
// name, which are unique together in every target.
func docFileName(kind, name string) string {
	return strings.ToLower(kind) + "-" + name + ".yaml"
}

// retiredDependencies lists, per exported service, the retired services
// it depends on: those edges cannot be exported, and the notes say so.
func retiredDependencies(c *catalog.Catalog) (map[string][]string, []string) {
	byService := map[string][]string{}
	var notes []string
	for _, s := range c.Services {
		if !Exported(s) {
			continue
		}
		for _, d := range s.DependsOn {
			if d.To != nil && !Exported(d.To) {
				byService[s.Name] = append(byService[s.Name], d.To.Name)
				notes = append(notes, fmt.Sprintf("%s depends on the retired service %s, which is not exported: the dependency is left out", s.Name, d.To.Name))
			}
		}
	}
	sort.Strings(notes)
	return byService, notes
}
