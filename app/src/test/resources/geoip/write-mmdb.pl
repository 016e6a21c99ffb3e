#!/usr/bin/perl
# Writes a small MMDB for tests: perl write-mmdb.pl OUT.mmdb < {"8.8.8.0/24": {"country_code": "US", ...}, ...}
# Values are strings or nested maps/arrays of strings (MaxMind's layout: country.iso_code,
# subdivisions[].names.en, city.names.en; ip-location-db's: country_code, state1, city).
# Needs Debian's libmaxmind-db-writer-perl.
use strict;
use warnings;
use JSON::PP;
use MaxMind::DB::Writer::Tree;

my $out = shift or die "usage: write-mmdb.pl OUT.mmdb < networks.json\n";
my $networks = JSON::PP->new->decode(do { local $/; <STDIN> });

# The type follows the value's shape: a JSON object is a map, an array one of maps, the rest strings.
sub type_of {
    my ($value) = @_;
    return ref $value eq 'HASH' ? 'map' : ref $value eq 'ARRAY' ? ['array', 'map'] : 'utf8_string';
}
my $tree = MaxMind::DB::Writer::Tree->new(
    ip_version            => 6,
    record_size           => 24,
    database_type         => 'Vidcastx-Test-City',
    languages             => ['en'],
    description           => { en => 'Vidcastx test fixture' },
    alias_ipv6_to_ipv4    => 1,
    map_key_type_callback => sub {
        my ($key, $value) = @_;
        return type_of($value);
    },
);
for my $network (sort keys %$networks) {
    $tree->insert_network($network, $networks->{$network});
}
open my $fh, '>:raw', $out or die "cannot write $out: $!\n";
$tree->write_tree($fh);
close $fh or die "cannot write $out: $!\n";
