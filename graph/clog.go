package graph

import (
	"fmt"

	"github.com/cayleygraph/cayley/clog"
)

// quietLog replaces cayley's logger. Cayley logs conditions it also returns
// as errors (and some that are not errors at all: "Cannot create nodes table:
// database already exists" on every open of an initialised PostgreSQL
// store), and those lines would reach the user's terminal beside klaim's own
// one-line messages. Its Fatalf, which would exit the process, panics instead,
// so the command line reports it as one line.
type quietLog struct{}

func (quietLog) Infof(string, ...any)    {}
func (quietLog) Warningf(string, ...any) {}
func (quietLog) Errorf(string, ...any)   {}
func (quietLog) Fatalf(format string, args ...any) {
	panic(fmt.Sprintf("cayley: "+format, args...))
}
func (quietLog) V(int) bool { return false }
func (quietLog) SetV(int)   {}

func init() { clog.SetLogger(quietLog{}) }
