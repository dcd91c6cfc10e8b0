package web

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// cursor is where a page of a list ended. It travels to the client as an
// opaque string and wraps either an offset into a list the server builds
// (claims, entities, an entity's statements) or the index's own cursor
// (search). Key binds it to its query, so a cursor cut from one query and
// pasted into another is refused instead of silently skipping results.
type cursor struct {
	Key    string `json:"k"`
	Offset int    `json:"o,omitempty"`
	Inner  string `json:"i,omitempty"`
}

// errBadCursor explains why a cursor was refused.
var errBadCursor = errors.New("cursor is not one this server issued for this query; drop it to start from the first page")

// queryKey fingerprints a request's query, leaving out the parameters that
// only page through it.
func queryKey(path string, q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		if k != "cursor" && k != "limit" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString(path)
	for _, k := range keys {
		vs := slices.Clone(q[k])
		slices.Sort(vs)
		b.WriteString("\x00" + k + "=" + strings.Join(vs, "\x01"))
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:6])
}

// encode returns the opaque form of c.
func (c cursor) encode() string {
	b, _ := json.Marshal(c) // a struct of strings and an int always marshals
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor parses an opaque cursor and checks it belongs to the query with key.
// The empty string is the first page.
func decodeCursor(s, key string) (cursor, error) {
	if s == "" {
		return cursor{Key: key}, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, errBadCursor
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || c.Key != key || c.Offset < 0 {
		return cursor{}, errBadCursor
	}
	return c, nil
}

// parseLimit reads a page size in 1..100, 20 when absent.
func parseLimit(s string) (int, error) {
	if s == "" {
		return defaultLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxLimit {
		return 0, errors.New("limit must be a whole number from 1 to 100, got " + strconv.Quote(s))
	}
	return n, nil
}

// Page sizes of every list.
const (
	defaultLimit = 20
	maxLimit     = 100
)

// page cuts one page out of a list the server built in full, and returns the
// cursor of the next page ("" on the last).
func paginate[T any](all []T, c cursor, limit int) ([]T, string) {
	start := min(c.Offset, len(all))
	end := min(start+limit, len(all))
	next := ""
	if end < len(all) {
		next = cursor{Key: c.Key, Offset: end}.encode()
	}
	out := all[start:end]
	if out == nil {
		out = []T{}
	}
	return out, next
}
