package export

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// The checks below are Backstage's entity policies as
// @backstage/catalog-model documents and applies them
// (KubernetesValidatorFunctions, CommonValidatorFunctions,
// FieldFormatEntityPolicy, ReservedFieldsEntityPolicy): the JSON schemas
// alone accept names and keys the catalog then rejects. The export uses
// them to decide what fits where; the tests check every exported entity
// with BackstagePolicyErrors.

var (
	objectNameRE = regexp.MustCompile(`^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`)
	dnsLabelRE   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	kindRE       = regexp.MustCompile(`^[a-zA-Z][a-z0-9A-Z]*$`)
	apiSuffixRE  = regexp.MustCompile(`^[a-z0-9A-Z]+$`)
	tagRE        = regexp.MustCompile(`^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$`)
	urlSchemeRE  = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*$`)
)

// reservedField are the names Backstage reserves: no spec field, label or
// annotation may be called so.
var reservedField = map[string]bool{
	"apiVersion": true, "kind": true, "uid": true, "etag": true, "generation": true,
	"name": true, "namespace": true, "labels": true, "annotations": true, "spec": true,
}

// IsValidObjectName: 1 to 63 characters, [a-zA-Z0-9] in sequences
// separated by any of -_. (entity names, label values, link icons).
func IsValidObjectName(s string) bool {
	return len(s) >= 1 && len(s) <= 63 && objectNameRE.MatchString(s)
}

// IsValidDNSLabel: 1 to 63 characters, [a-z0-9] in sequences separated by
// - (namespaces).
func IsValidDNSLabel(s string) bool {
	return len(s) >= 1 && len(s) <= 63 && dnsLabelRE.MatchString(s)
}

// IsValidDNSSubdomain: DNS labels joined by dots, at most 253 characters.
func IsValidDNSSubdomain(s string) bool {
	if len(s) < 1 || len(s) > 253 {
		return false
	}
	for _, l := range strings.Split(s, ".") {
		if !IsValidDNSLabel(l) {
			return false
		}
	}
	return true
}

// prefixAndOrSuffix is Backstage's isValidPrefixAndOrSuffix: "suffix" or
// "prefix/suffix", each part checked on its own.
func prefixAndOrSuffix(s string, prefix, suffix func(string) bool) bool {
	parts := strings.Split(s, "/")
	switch len(parts) {
	case 1:
		return suffix(parts[0])
	case 2:
		return prefix(parts[0]) && suffix(parts[1])
	}
	return false
}

// IsValidLabelKey and IsValidAnnotationKey: an object name, optionally
// after a DNS subdomain prefix and a slash ("svccat.dev/tier").
func IsValidLabelKey(s string) bool {
	return prefixAndOrSuffix(s, IsValidDNSSubdomain, IsValidObjectName)
}

func IsValidAnnotationKey(s string) bool { return IsValidLabelKey(s) }

// IsValidLabelValue: empty, or an object name.
func IsValidLabelValue(s string) bool { return s == "" || IsValidObjectName(s) }

// IsValidKind: a letter, then letters and digits, at most 63 characters.
func IsValidKind(s string) bool { return len(s) >= 1 && len(s) <= 63 && kindRE.MatchString(s) }

// IsValidAPIVersion: "group/version" or "version".
func IsValidAPIVersion(s string) bool {
	return prefixAndOrSuffix(s, IsValidDNSSubdomain, func(v string) bool {
		return len(v) >= 1 && len(v) <= 63 && apiSuffixRE.MatchString(v)
	})
}

// IsValidTag: [a-z0-9:+#] in sequences separated by -, at most 63.
func IsValidTag(s string) bool { return len(s) >= 1 && len(s) <= 63 && tagRE.MatchString(s) }

// IsValidURL approximates the WHATWG URL parser Backstage uses (new
// URL(value)) from the strict side: an absolute URL with a scheme, a host
// for http and https, and no space or control character anywhere. A URL
// it refuses is kept in an annotation instead of metadata.links.
func IsValidURL(s string) bool {
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0 {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || !urlSchemeRE.MatchString(u.Scheme) {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "ftp", "ws", "wss":
		return u.Host != ""
	}
	return u.Opaque != "" || u.Host != "" || u.Path != ""
}

// BackstagePolicyErrors checks one entity, as decoded from the export's
// YAML, with Backstage's field format and reserved field policies.
func BackstagePolicyErrors(e map[string]any) []error {
	var errs []error
	bad := func(field string, v any, want string) {
		errs = append(errs, fmt.Errorf("%q is not valid: expected %s but found %q", field, want, fmt.Sprint(v)))
	}
	str := func(v any) (string, bool) { s, ok := v.(string); return s, ok }
	for k := range e {
		switch k {
		case "apiVersion", "kind", "metadata", "spec", "relations", "status":
		default:
			errs = append(errs, fmt.Errorf("entity has the foreign root field %q", k))
		}
	}
	if s, ok := str(e["apiVersion"]); !ok || !IsValidAPIVersion(s) {
		bad("apiVersion", e["apiVersion"], "a valid prefix and/or suffix")
	}
	if s, ok := str(e["kind"]); !ok || !IsValidKind(s) {
		bad("kind", e["kind"], "a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters")
	}
	md, _ := e["metadata"].(map[string]any)
	if md == nil {
		return append(errs, fmt.Errorf("metadata is missing"))
	}
	if s, ok := str(md["name"]); !ok || !IsValidObjectName(s) {
		bad("metadata.name", md["name"], "sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters")
	}
	if ns, present := md["namespace"]; present {
		if s, ok := str(ns); !ok || !IsValidDNSLabel(s) {
			bad("metadata.namespace", ns, "sequences of [a-z0-9] separated by [-], at most 63 characters")
		}
	}
	labels, _ := md["labels"].(map[string]any)
	for _, k := range sortedKeys(labels) {
		v, ok := str(labels[k])
		if !IsValidLabelKey(k) {
			bad("labels."+k, k, "a valid prefix and/or suffix")
		}
		if !ok || !IsValidLabelValue(v) {
			bad("labels."+k, labels[k], "sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters")
		}
		if reservedField[k] {
			errs = append(errs, fmt.Errorf("a label may not have the field %s, because it has reserved meaning", k))
		}
	}
	ann, _ := md["annotations"].(map[string]any)
	for _, k := range sortedKeys(ann) {
		if !IsValidAnnotationKey(k) {
			bad("annotations."+k, k, "a valid prefix and/or suffix")
		}
		if _, ok := str(ann[k]); !ok {
			bad("annotations."+k, ann[k], "a string")
		}
		if reservedField[k] {
			errs = append(errs, fmt.Errorf("an annotation may not have the field %s, because it has reserved meaning", k))
		}
	}
	tags, _ := md["tags"].([]any)
	for i, t := range tags {
		if s, ok := str(t); !ok || !IsValidTag(s) {
			bad(fmt.Sprintf("tags.%d", i), t, "a valid tag")
		}
	}
	links, _ := md["links"].([]any)
	for i, l := range links {
		lm, _ := l.(map[string]any)
		if s, ok := str(lm["url"]); !ok || !IsValidURL(s) {
			bad(fmt.Sprintf("links.%d.url", i), lm["url"], "a string that is a valid url")
		}
		if t, present := lm["title"]; present {
			if s, ok := str(t); !ok || strings.TrimSpace(s) == "" {
				bad(fmt.Sprintf("links.%d.title", i), t, "a non empty string")
			}
		}
		if ic, present := lm["icon"]; present {
			if s, ok := str(ic); !ok || !IsValidObjectName(s) {
				bad(fmt.Sprintf("links.%d.icon", i), ic, "an object name")
			}
		}
	}
	spec, _ := e["spec"].(map[string]any)
	for k := range spec {
		if reservedField[k] {
			errs = append(errs, fmt.Errorf("the spec may not contain the field %s, because it has reserved meaning", k))
		}
	}
	return errs
}

// EntityRef is a parsed Backstage entity reference.
type EntityRef struct{ Kind, Namespace, Name string }

func (r EntityRef) String() string { return strings.ToLower(r.Kind) + ":" + r.Namespace + "/" + r.Name }

// ParseEntityRef reads "[kind:][namespace/]name" as Backstage does, with
// defaultKind where the reference names none ("" when the field has no
// default kind, which makes a kind-less reference an error).
func ParseEntityRef(s, defaultKind string) (EntityRef, error) {
	r := EntityRef{Kind: defaultKind, Namespace: "default"}
	rest := s
	if k, after, ok := strings.Cut(rest, ":"); ok {
		r.Kind, rest = k, after
	}
	if ns, after, ok := strings.Cut(rest, "/"); ok {
		r.Namespace, rest = ns, after
	}
	r.Name = rest
	if r.Kind == "" || r.Name == "" || r.Namespace == "" || strings.ContainsAny(r.Name, ":/") {
		return EntityRef{}, fmt.Errorf("%q is not a complete entity reference", s)
	}
	r.Kind = strings.ToLower(r.Kind)
	return r, nil
}
