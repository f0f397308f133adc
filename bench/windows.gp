# The chart of an Artillery run's 10 s windows (bench/run ramp, overload, recovery): throughput, refusals and p99 over
# time, one panel each on a shared time axis, so that saturation, shedding and recovery read at a glance.
#   gnuplot -e "data='RUN.windows.tsv'; output='RUN.png'; heading='ramp, 2026-12-01T12:00:00Z'" bench/windows.gp
# The columns of RUN.windows.tsv (written by Tikiya.Bench report --out-windows): 1 the window's middle (s since the
# load began), 2 arrivals/s, 3-6 2xx/s of login, me, refresh, logout, 7-9 429/503/504 per s, 10-13 p99 ms of each
# endpoint (Artillery's time to first byte of all answers, refusals included; 0 when the endpoint had none).
set terminal pngcairo size 1000,900 font ",10"
set output output
set datafile separator "\t"
set datafile commentschars "#"
set key outside right top
set grid
set lmargin 10
set rmargin 22
set multiplot layout 3,1 title heading

set title "throughput (per second)"
set ylabel "per second"
set yrange [0:*]
plot data using 1:2 with lines dashtype 2 linewidth 2 title "arrivals", \
     "" using 1:3 with linespoints linewidth 2 title "login 2xx", \
     "" using 1:4 with linespoints title "me 2xx", \
     "" using 1:5 with linespoints title "refresh 2xx", \
     "" using 1:6 with linespoints title "logout 2xx"

set title "refusals (per second)"
plot data using 1:7 with linespoints linewidth 2 title "429", \
     "" using 1:8 with linespoints linewidth 2 title "503", \
     "" using 1:9 with linespoints linewidth 2 title "504"

set title "p99 latency (ms, log scale)"
set ylabel "ms"
set xlabel "seconds since the load began"
set logscale y
set yrange [*:*]
# A window without answers from an endpoint has no p99: left out rather than drawn at 0.
plot data using 1:($10 > 0 ? $10 : NaN) with linespoints linewidth 2 title "login", \
     "" using 1:($11 > 0 ? $11 : NaN) with linespoints title "me", \
     "" using 1:($12 > 0 ? $12 : NaN) with linespoints title "refresh", \
     "" using 1:($13 > 0 ? $13 : NaN) with linespoints title "logout"
unset multiplot
