package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/pos"
	"github.com/svccat/svccat/internal/source"
	"github.com/svccat/svccat/internal/validate"
)

// maxConfigBytes bounds the config file: it is a page of settings.
const maxConfigBytes = 1 << 20

// Config returns the configuration for a run: the file given with
// --config (explicit), else the first .svccat.yaml or .svccat.yml found
// in the first path (a folder, or a file's folder) and then in each
// parent folder up to the one holding .git or the filesystem root, else
// the defaults. A folder holding both names is an error.
func Config(explicit string, paths []string) (*config.Config, error) {
	if explicit != "" {
		return ConfigFile(explicit)
	}
	p, err := FindConfig(paths)
	if err != nil || p == "" {
		return config.Default(), err
	}
	return ConfigFile(p)
}

// FindConfig returns the config file a run without --config uses, as a
// path relative to the working directory where it can be; "" when there
// is none.
func FindConfig(paths []string) (string, error) {
	start := "."
	if len(paths) > 0 && paths[0] != "-" {
		start = paths[0]
	}
	if info, err := os.Stat(start); err == nil && !info.IsDir() {
		start = filepath.Dir(start)
	}
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", nil
	}
	for {
		var found []string
		for _, name := range config.FileNames {
			if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
				found = append(found, filepath.Join(dir, name))
			}
		}
		switch len(found) {
		case 1:
			return display(found[0]), nil
		case 2:
			return "", &config.Error{Pos: pos.Pos{File: display(found[0])},
				Msg: fmt.Sprintf("both %s and %s are here; keep one (svccat would not know which to read)", config.FileNames[0], config.FileNames[1])}
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return "", nil // the repository root: a config above it belongs to something else
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// display is an absolute path as the user reads it: relative to the
// working directory where that is shorter.
func display(abs string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && len(rel) < len(abs) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}

// ConfigFile reads and validates one config file.
func ConfigFile(path string) (*config.Config, error) {
	file := filepath.ToSlash(path)
	// Read like a catalog file: a named pipe or a device put there is
	// refused, not waited on or read for ever.
	data, err := source.ReadRegular(path, maxConfigBytes, true)
	if err != nil {
		return nil, &config.Error{Pos: pos.Pos{File: file}, Msg: "cannot read config: " + errText(err)}
	}
	return ParseConfig(file, data)
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ParseConfig reads config data (file names it in messages): parsed like
// a catalog file, validated against the config schema (schema/config.cue:
// unknown keys, types, patterns and ranges, every problem at its
// position), then decoded. An error is a *config.Error or config.Errors.
func ParseConfig(file string, data []byte) (*config.Config, error) {
	cfg := config.Default()
	cfg.Path = file
	docs, probs := source.Parse(file, data)
	if len(probs) > 0 {
		return nil, &config.Error{Pos: probs[0].Pos, Msg: probs[0].Message}
	}
	if len(docs) == 0 {
		return cfg, nil
	}
	if len(docs) > 1 {
		return nil, &config.Error{Pos: docs[1].Pos(), Msg: "the config holds one YAML document"}
	}
	doc := docs[0]
	if issues := validate.NewChecker().Config(doc); len(issues) > 0 {
		var errs config.Errors
		for _, is := range issues {
			// The config has no document envelope: name it as the user does.
			msg := strings.Replace(is.Message, " in document", " in the config", 1)
			if is.Path == "document" {
				msg = strings.Replace(msg, "document:", "the config:", 1)
			}
			errs = append(errs, &config.Error{Pos: is.Pos, Msg: msg})
		}
		if len(errs) == 1 {
			return nil, errs[0]
		}
		return nil, errs
	}
	d := configDecoder{doc: doc, cfg: cfg}
	if err := d.decode(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// configDecoder reads a validated config into the model and records
// where each value came from.
type configDecoder struct {
	doc *source.Document
	cfg *config.Config
}

func (d configDecoder) set(key string, n *yaml.Node) {
	d.cfg.Origins[key] = fmt.Sprintf("%s:%d", d.doc.File, n.Line)
}

func (d configDecoder) errorf(n *yaml.Node, format string, args ...any) error {
	return &config.Error{Pos: d.doc.NodePos(n), Msg: fmt.Sprintf(format, args...)}
}

// entries calls f for each key and value of mapping n (none for a null).
func entries(n *yaml.Node, f func(k, v *yaml.Node) error) error {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := f(n.Content[i], deref(n.Content[i+1])); err != nil {
			return err
		}
	}
	return nil
}

func (d configDecoder) decode() error {
	c := d.cfg
	return entries(d.doc.Root, func(k, v *yaml.Node) error {
		switch k.Value {
		case "currency":
			c.Currency = str(v)
		case "period":
			c.Period = str(v)
		case "asOf":
			t, err := time.Parse(time.DateOnly, str(v))
			if err != nil {
				return d.errorf(v, "asOf: %q is not a date (%v)", str(v), err)
			}
			c.AsOf = t
		case "defaults":
			return entries(v, func(k, v *yaml.Node) error {
				dur, err := d.duration("defaults."+k.Value, v)
				c.RestoreDuration = dur
				return err
			})
		case "rules":
			return entries(v, func(k, v *yaml.Node) error {
				c.Rules[k.Value] = config.RuleSetting{Severity: str(v), Pos: d.doc.NodePos(k)}
				d.set("rules."+k.Value, v)
				return nil
			})
		case "internalFocus":
			return entries(v, func(k, v *yaml.Node) error {
				if k.Value == "terms" {
					c.InternalFocus.Terms = strs(v)
				} else {
					c.InternalFocus.Allow = strs(v)
				}
				d.set("internalFocus."+k.Value, v)
				return nil
			})
		case "thresholds":
			return entries(v, func(k, v *yaml.Node) error { return d.threshold(k.Value, v) })
		case "costPools":
			c.CostPools = strs(v)
		case "limits":
			return entries(v, func(k, v *yaml.Node) error { return d.limit(k.Value, v) })
		case "export":
			return entries(v, func(k, v *yaml.Node) error {
				return entries(v, func(k2, v *yaml.Node) error {
					c.Export.OpenSLO.MetricSource = str(v)
					d.set("export."+k.Value+"."+k2.Value, v)
					return nil
				})
			})
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			return nil
		}
		d.set(k.Value, v)
		return nil
	})
}

func (d configDecoder) duration(key string, v *yaml.Node) (time.Duration, error) {
	dur, err := duration.Parse(str(v))
	if err != nil {
		return 0, d.errorf(v, "%s: %v", key, err)
	}
	d.set(key, v)
	return dur, nil
}

func (d configDecoder) threshold(key string, v *yaml.Node) error {
	t := &d.cfg.Thresholds
	full := "thresholds." + key
	switch key {
	case "consumptionVariance", "satisfaction":
		x, err := decimal.Parse(str(v))
		if err != nil {
			return d.errorf(v, "%s: %q is not a number", full, str(v))
		}
		if key == "satisfaction" {
			t.Satisfaction = x
		} else {
			t.ConsumptionVariance = x
		}
	case "minResponses", "keyStakeholderPower":
		n, err := strconv.ParseInt(str(v), 10, 64)
		if err != nil {
			return d.errorf(v, "%s: %q is not a whole number", full, str(v))
		}
		if key == "minResponses" {
			t.MinResponses = n
		} else {
			t.KeyStakeholderPower = int(n)
		}
	case "contactCadence":
		dur, err := d.duration(full, v)
		t.ContactCadence = dur
		return err
	}
	d.set(full, v)
	return nil
}

func (d configDecoder) limit(key string, v *yaml.Node) error {
	l := &d.cfg.Limits
	full := "limits." + key
	if key == "documentNodes" {
		n, err := strconv.Atoi(str(v))
		if err != nil {
			return d.errorf(v, "%s: %q is not a whole number", full, str(v))
		}
		l.DocumentNodes = n
	} else {
		n, err := ParseSize(str(v))
		if err != nil {
			return d.errorf(v, "%s: %v", full, err)
		}
		if key == "fileBytes" {
			l.FileBytes = n
		} else {
			l.CatalogBytes = n
		}
	}
	d.set(full, v)
	return nil
}

// ParseSize reads a size in bytes: 1048576, 512KiB, 32MiB, 1GB.
func ParseSize(s string) (int64, error) {
	num := strings.TrimRight(s, "BKMGiB ")
	unit := strings.TrimSpace(s[len(num):])
	mult := map[string]int64{"": 1, "B": 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "KB": 1e3, "MB": 1e6, "GB": 1e9}[unit]
	n, err := strconv.ParseInt(num, 10, 64)
	if mult == 0 || err != nil || n < 1 {
		return 0, fmt.Errorf("%q is not a size like 1048576, 512KiB or 32MiB", s)
	}
	if n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return n * mult, nil
}
