# The VM runner returns the guest command's exit status.
. "$(dirname "$0")/lib.sh"
rc=0
"$VM" -- sh -c 'exit 3' || rc=$?
expect "exit status 3 comes back (got $rc)" [ "$rc" = 3 ]
"$VM" -- true
