package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress is returned (wrapped) when a URL resolves to an address
// the crawler refuses without Config.AllowPrivate: loopback, private,
// link-local, unspecified, CGNAT, IPv6 unique-local and the IPv4-mapped
// forms of these.
var ErrPrivateAddress = errors.New("refused private address")

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// isPrivateAddr reports whether a is an address a public crawler must not
// reach: anything that is not a global unicast address on the internet.
func isPrivateAddr(a netip.Addr) bool {
	a = a.Unmap()
	return !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsUnspecified() ||
		a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() ||
		a.IsMulticast() || cgnat.Contains(a) ||
		(a.Is4() && a.As4()[0] == 0) || // 0.0.0.0/8, "this network"
		a == netip.MustParseAddr("255.255.255.255")
}

// addrGuard decides which dialled addresses are allowed. It runs in the
// dialer's Control hook, that is on the address actually being connected
// to after DNS resolution, so a name that resolves (or re-resolves, DNS
// rebinding) to a private address is refused, on every redirect hop too.
type addrGuard struct {
	allowPrivate bool
	// allow lists exact private endpoints that are still allowed; tests
	// use it to stand for a "public" server on loopback.
	allow map[netip.AddrPort]bool
}

func (g addrGuard) check(address string) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if g.allowPrivate || g.allow[ap] || !isPrivateAddr(ap.Addr()) {
		return nil
	}
	return fmt.Errorf("%w %s", ErrPrivateAddress, ap.Addr().Unmap())
}

// dialer returns a dialer that refuses what g refuses.
func (g addrGuard) dialer(timeout time.Duration) *net.Dialer {
	return &net.Dialer{
		Timeout:   timeout,
		KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			return g.check(address)
		},
	}
}

// dialContext is a DialContext for http.Transport.
func (g addrGuard) dialContext(timeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return g.dialer(timeout).DialContext
}
