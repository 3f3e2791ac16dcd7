// Package load is the load stage: it turns PATH arguments into a catalog
// and the problems that kept parts of it from loading. The steps, in order:
//
//	list      source.List: the files below each PATH (walk, inside PATH)
//	read      source.ReadFile: bounded reads, YAML parsed into documents
//	validate  validate.Checker: each document against the CUE schema
//	decode    decode.go: YAML nodes into the typed model of package catalog
//	resolve   resolve.go: references linked both ways, lookups indexed
//
// Package source and package validate do the first steps; this package
// orchestrates them and owns decoding and resolving, so that everything
// after loading sees only the plain model (package catalog, which imports
// neither YAML nor CUE) and the load problems in Result.
package load

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/pos"
	"github.com/svccat/svccat/internal/source"
	"github.com/svccat/svccat/internal/validate"
)

// Options tune loading.
type Options = source.Options

// Result is a loaded catalog and what was found while loading it. It
// embeds the catalog, so r.Services reads as the catalog's.
type Result struct {
	*catalog.Catalog

	// Files are the files read; Documents counts catalog documents and
	// Skipped the documents that were not catalog documents.
	Files     []string
	Documents int
	Skipped   int

	// Problems are what stopped files or documents from being read:
	// unreadable files, malformed YAML and schema violations.
	Problems []Problem
}

// Problem is a file or document that could not be read as it stands. Rule
// is the lint rule that reports it: file, yaml-syntax or schema.
type Problem struct {
	Rule   string
	Pos    pos.Pos
	Entity string
	// Key is the finding's position-free key: the field path of a schema
	// violation, the problem's kind for a file.
	Key     string
	Message string
}

// Catalog reads, validates and decodes the catalog below paths. Files are
// read, validated and decoded in parallel, one file at a time per worker,
// so that a file's YAML nodes are garbage as soon as its entities exist:
// memory grows with the entities, not with the YAML.
func Catalog(paths []string, opt Options) *Result {
	files, probs := source.List(paths, opt)
	return Files(files, probs, opt)
}

// Files is Catalog over files already listed, with the problems of
// listing them: files with Data are read from memory (a git revision's
// tree, read from git's object store), under the same limits.
func Files(files []source.File, probs []source.Problem, opt Options) *Result {
	r := &Result{Catalog: &catalog.Catalog{}}
	for _, p := range probs {
		r.Problems = append(r.Problems, sourceProblem(p))
	}
	results := make([]fileResult, len(files))
	workers := min(runtime.GOMAXPROCS(0), len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chk := validate.NewChecker()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				results[i] = loadFile(files[i], opt, chk)
			}
		}()
	}
	wg.Wait()
	for i, fr := range results {
		r.Files = append(r.Files, files[i].Display)
		r.Documents += fr.documents
		r.Skipped += fr.skipped
		r.Problems = append(r.Problems, fr.problems...)
		for _, e := range fr.entities {
			add(r.Catalog, e)
		}
	}
	resolve(r.Catalog)
	return r
}

// fileResult is what one file contributed.
type fileResult struct {
	entities  []catalog.Named
	problems  []Problem
	documents int
	skipped   int
}

func loadFile(f source.File, opt Options, chk *validate.Checker) fileResult {
	var r fileResult
	docs, probs := source.ReadFile(f, opt)
	for _, p := range probs {
		r.problems = append(r.problems, sourceProblem(p))
	}
	for _, doc := range docs {
		res := chk.Check(doc)
		if res.Skipped {
			r.skipped++
			continue
		}
		r.documents++
		var e catalog.Named
		if res.Kind != "" {
			e = decode(res.Kind, decoder{doc: doc})
			e.Meta().Valid = len(res.Issues) == 0
			if opt.KeepWritten {
				e.Meta().Written = source.Written(doc.Root)
			}
			// An entity without a name (the schema says so) can be
			// neither referenced nor placed: rules would report it
			// without a position.
			if e.Meta().Name != "" {
				r.entities = append(r.entities, e)
			}
		}
		for _, is := range res.Issues {
			p := Problem{Rule: "schema", Pos: is.Pos, Key: is.Path, Message: is.Message}
			if e != nil && e.Meta().Name != "" {
				p.Entity = e.Meta().ID()
			}
			r.problems = append(r.problems, p)
		}
	}
	return r
}

// sourceProblem is a file the reader could not read or parse. Such a
// finding is about its file (its identity holds the path), so its kind is
// key enough.
func sourceProblem(p source.Problem) Problem {
	return Problem{Rule: p.Kind, Pos: p.Pos, Key: p.Kind, Message: p.Message}
}

func decode(kind string, d decoder) catalog.Named {
	switch kind {
	case catalog.KindMarket:
		return d.market()
	case catalog.KindSegment:
		return d.segment()
	case catalog.KindPersona:
		return d.persona()
	case catalog.KindService:
		return d.service()
	case catalog.KindTeam:
		return d.team()
	case catalog.KindPerson:
		return d.person()
	case catalog.KindStakeholder:
		return d.stakeholder()
	case catalog.KindMeasurement:
		return d.measurement()
	default:
		return d.site()
	}
}

func add(c *catalog.Catalog, e catalog.Named) {
	switch x := e.(type) {
	case *catalog.Market:
		c.Markets = append(c.Markets, x)
	case *catalog.Segment:
		c.Segments = append(c.Segments, x)
	case *catalog.Persona:
		c.Personas = append(c.Personas, x)
	case *catalog.Service:
		c.Services = append(c.Services, x)
	case *catalog.Team:
		c.Teams = append(c.Teams, x)
	case *catalog.Site:
		c.Sites = append(c.Sites, x)
	case *catalog.Person:
		c.People = append(c.People, x)
	case *catalog.Stakeholder:
		c.Stakeholders = append(c.Stakeholders, x)
	case *catalog.Measurement:
		c.Measurements = append(c.Measurements, x)
	}
}
