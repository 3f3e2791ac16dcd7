package export

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The exports are written by this small YAML encoder rather than
// yaml.v3's: the documents are plain (structs with yaml tags, string maps,
// lists, strings, numbers and booleans), and yaml.v3's general emitter
// took three times as long as a whole lint for a 10,000-service catalog.
// The output is block-style YAML with two-space indentation, as yaml.v3
// writes it; a string is written plain only where it cannot read back as
// anything else, and double-quoted otherwise. The tests read every export
// back with yaml.v3 (and the targets' validators), and hold the quoting
// to a round trip of hostile strings.

// yamlDoc encodes one document.
func yamlDoc(v any) ([]byte, error) {
	var b strings.Builder
	b.Grow(2048)
	rv := reflect.ValueOf(v)
	if err := writeMapping(&b, rv, 0); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

type fieldInfo struct {
	index     int
	name      string
	omitEmpty bool
}

var fieldCache sync.Map // reflect.Type → []fieldInfo

func fieldsOf(t reflect.Type) []fieldInfo {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]fieldInfo)
	}
	var out []fieldInfo
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out = append(out, fieldInfo{index: i, name: name, omitEmpty: opts == "omitempty"})
	}
	fieldCache.Store(t, out)
	return out
}

func deref(v reflect.Value) reflect.Value {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return v
		}
		v = v.Elem()
	}
	return v
}

// empty is yaml.v3's omitempty: a zero scalar, a nil pointer, an empty
// list or map.
func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map, reflect.String:
		return v.Len() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Struct:
		return v.IsZero()
	}
	return v.IsZero()
}

// eachEntry calls f with a mapping's keys and values in order: struct
// fields as declared (omitempty ones left out when empty), map keys
// sorted.
func eachEntry(v reflect.Value, f func(i int, k string, v reflect.Value) error) error {
	v = deref(v)
	switch v.Kind() {
	case reflect.Struct:
		i := 0
		for _, fi := range fieldsOf(v.Type()) {
			fv := v.Field(fi.index)
			if fi.omitEmpty && empty(fv) {
				continue
			}
			if err := f(i, fi.name, fv); err != nil {
				return err
			}
			i++
		}
		return nil
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return fmt.Errorf("export: map key %s is not a string", v.Type().Key())
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(a, b int) bool { return keys[a].String() < keys[b].String() })
		for i, k := range keys {
			if err := f(i, k.String(), v.MapIndex(k)); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("export: %s is not a mapping", v.Type())
}

// mappingEmpty reports whether a mapping writes no entry.
func mappingEmpty(v reflect.Value) bool {
	v = deref(v)
	if v.Kind() == reflect.Map {
		return v.Len() == 0
	}
	for _, fi := range fieldsOf(v.Type()) {
		if !fi.omitEmpty || !empty(v.Field(fi.index)) {
			return false
		}
	}
	return true
}

func isMapping(v reflect.Value) bool {
	v = deref(v)
	return v.Kind() == reflect.Struct || v.Kind() == reflect.Map
}

func isSequence(v reflect.Value) bool {
	v = deref(v)
	return v.Kind() == reflect.Slice || v.Kind() == reflect.Array
}

// writeMapping writes a mapping's entries at indent; the caller has
// written what precedes the first key.
func writeMapping(b *strings.Builder, v reflect.Value, indent int) error {
	return eachEntry(v, func(i int, k string, val reflect.Value) error {
		if i > 0 || indent > 0 {
			b.WriteString(spaces(indent))
		}
		return writeEntry(b, k, val, indent)
	})
}

// writeEntry writes "key: value" (the indent already written) and the
// value's nested lines.
func writeEntry(b *strings.Builder, key string, v reflect.Value, indent int) error {
	b.WriteString(yamlString(key))
	b.WriteByte(':')
	v = deref(v)
	switch {
	case isMapping(v):
		if mappingEmpty(v) {
			b.WriteString(" {}\n")
			return nil
		}
		b.WriteByte('\n')
		return writeMapping(b, v, indent+2)
	case isSequence(v):
		if v.Len() == 0 {
			b.WriteString(" []\n")
			return nil
		}
		b.WriteByte('\n')
		return writeSequence(b, v, indent+2)
	}
	b.WriteByte(' ')
	if err := writeScalar(b, v); err != nil {
		return err
	}
	b.WriteByte('\n')
	return nil
}

func writeSequence(b *strings.Builder, v reflect.Value, indent int) error {
	for i := 0; i < v.Len(); i++ {
		item := deref(v.Index(i))
		b.WriteString(spaces(indent))
		b.WriteString("- ")
		switch {
		case isMapping(item):
			if mappingEmpty(item) {
				b.WriteString("{}\n")
				continue
			}
			if err := eachEntry(item, func(j int, k string, val reflect.Value) error {
				if j > 0 {
					b.WriteString(spaces(indent + 2))
				}
				return writeEntry(b, k, val, indent+2)
			}); err != nil {
				return err
			}
		case isSequence(item):
			return fmt.Errorf("export: a list in a list is not supported")
		default:
			if err := writeScalar(b, item); err != nil {
				return err
			}
			b.WriteByte('\n')
		}
	}
	return nil
}

func writeScalar(b *strings.Builder, v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		b.WriteString(yamlString(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return fmt.Errorf("export: %v is not a number a document can hold", f)
		}
		b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
	case reflect.Invalid, reflect.Pointer, reflect.Interface:
		b.WriteString("null")
	default:
		return fmt.Errorf("export: cannot write %s as YAML", v.Type())
	}
	return nil
}

var (
	// durationRE is a catalog duration ("4h", "1h30m"): a digit first,
	// but never read as a number or a date.
	durationRE = regexp.MustCompile(`^([0-9]+[smhdw])+$`)
	// special are plain words YAML 1.1 or 1.2 reads as booleans or null.
	special = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "true": true, "false": true, "on": true, "off": true, "null": true}
)

// plainASCII are the ASCII characters a plain scalar may hold after its
// first: none starts a comment, a flow collection or a tag there.
var plainASCII = func() (t [128]bool) {
	for _, r := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._/@,()+=:'\"!?;&*%$~-" {
		t[r] = true
	}
	return t
}()

// plain reports whether s may be written unquoted and read back as the
// same string: a letter or slash first, no ": " or " #", no colon or
// space at the end, not a word YAML reads as a boolean or null, and no
// character with a meaning (line breaks in YAML 1.1 included).
func plain(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z' || s[0] == '/') {
		return false
	}
	if len(s) <= 5 && special[strings.ToLower(s)] || strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, " ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x80 {
			if !plainASCII[c] {
				return false
			}
			continue
		}
		for _, r := range s[i:] {
			if r < 0x80 && !plainASCII[r] || r >= 0x80 && !quotable(r) {
				return false
			}
		}
		return true
	}
	return true
}

// quotable reports whether r may stand raw in a single-quoted scalar:
// printable, not a YAML 1.1 line break, not a bidirectional control.
func quotable(r rune) bool {
	return yamlPrintable(r) && r != 0x85 && r != 0x2028 && r != 0x2029 && !bidi(r) && r != utf8.RuneError
}

// yamlString writes s plain where that reads back as the same string,
// else single-quoted where every character may stand raw, else
// double-quoted with every character YAML does not allow raw (and the
// bidirectional controls) escaped.
func yamlString(s string) string {
	if plain(s) || s != "" && s[0] >= '0' && s[0] <= '9' && durationRE.MatchString(s) {
		return s
	}
	single := true
	for _, r := range s {
		if !quotable(r) {
			single = false
			break
		}
	}
	if single {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\uFFFD`) // not UTF-8: the loader refuses such files
		case quotable(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02X`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			fmt.Fprintf(&b, `\U%08X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// yamlPrintable is YAML 1.2's c-printable, less the byte order mark.
func yamlPrintable(r rune) bool {
	return r >= 0x20 && r <= 0x7e || r == 0x85 || r >= 0xa0 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd && r != 0xfeff || r >= 0x10000 && r <= 0x10ffff
}

func bidi(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

const blanks = "                                                                "

func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}
