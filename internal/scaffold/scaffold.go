// Package scaffold holds the starter catalog `svccat init` writes: a
// market, a segment with its persona, a business service depending on a
// supporting service, a team, a site, a commented .svccat.yaml and a
// GitHub Actions workflow. The starter lints clean, so a new user's first
// finding is about their own edit.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

// Every file is a text/template named <path>.tmpl, so that no tool takes
// the templates for catalog files. Delimiters are [[ ]]: the workflow uses
// GitHub's ${{ }}.
//
//go:embed all:files
var templates embed.FS

// Params fill in the templates.
type Params struct {
	// Version is the svccat version the workflow installs: "latest" or a
	// module version such as "v1.2.0".
	Version string
	// Path is the catalog's folder from the repository root, for the
	// workflow ("." when the catalog is the repository).
	Path string
	// Today is the date init runs (YYYY-MM-DD): the starter stakeholder's
	// last contact.
	Today string
}

// File is one file of the starter catalog.
type File struct {
	Path string // slash-separated, relative to the catalog folder
	Data []byte
}

// Files renders the starter catalog, in path order.
func Files(p Params) ([]File, error) {
	var out []File
	err := fs.WalkDir(templates, "files", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := templates.ReadFile(name)
		if err != nil {
			return err
		}
		t, err := template.New(name).Delims("[[", "]]").Option("missingkey=error").Parse(string(src))
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, p); err != nil {
			return err
		}
		rel := strings.TrimSuffix(strings.TrimPrefix(name, "files/"), ".tmpl")
		out = append(out, File{Path: rel, Data: buf.Bytes()})
		return nil
	})
	return out, err
}

// Result says what Write did with each file, by path relative to the
// catalog folder.
type Result struct {
	Created []string
	Skipped []string // the file existed; it was left as it was
}

// Write creates the files below dir. It never replaces an existing file,
// even one created while it runs: each file is opened with O_EXCL.
func Write(dir string, files []File) (Result, error) {
	var res Result
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return res, err
		}
		created, err := create(p, f.Data)
		if err != nil {
			return res, err
		}
		if created {
			res.Created = append(res.Created, f.Path)
		} else {
			res.Skipped = append(res.Skipped, f.Path)
		}
	}
	return res, nil
}

// create writes a new file; it reports false, and writes nothing, when
// something already exists at p (a dangling symlink included).
func create(p string, data []byte) (bool, error) {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(p) // a half-written file would be skipped next time
		return false, werr
	}
	return true, nil
}
