package org.safesessions.portal.statistics;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * A stacked bar chart drawn on the server as SVG (templates/fragments/bar-chart.html): one bar per month, one coloured
 * segment per series. Accessible as an image with a title and a description that says the totals, and the same
 * numbers as a table beside it; no JavaScript.
 *
 * @param id          unique on the page: the SVG's title and description ids start with it
 * @param title       what the chart shows, the SVG's {@code <title>} and the table's caption
 * @param description the text alternative: the period and the totals in words
 */
@TemplateData
public record BarChart(String id, String title, String description, List<Series> series, List<Bar> bars,
                       List<Tick> ticks, int width, int height, int plotLeft, int plotBottom) {

    /** GOV.UK Design System colours, distinguishable side by side. */
    static final List<String> COLOURS = List.of("#1d70b8", "#d4351c", "#f47738", "#00703c", "#4c2c92", "#b58840", "#505a5f");

    @TemplateData
    public record Series(String label, String colour) {
    }

    @TemplateData
    public record Segment(String series, long value, String y, String height, String colour) {
    }

    @TemplateData
    public record Bar(String label, long total, List<Long> values, String x, String width, String labelX, List<Segment> segments) {
    }

    @TemplateData
    public record Tick(long value, String y) {
    }

    /**
     * @param labels one per bar (a month)
     * @param names  one per series
     * @param values values[series][bar]
     */
    public static BarChart of(String id, String title, String description, List<String> labels, List<String> names,
                              long[][] values) {
        int width = 640;
        int height = 280;
        int left = 44;
        int top = 12;
        int bottom = height - 40;
        int right = width - 8;
        long max = 0;
        for (int b = 0; b < labels.size(); b++) {
            long total = 0;
            for (long[] row : values) {
                total += row[b];
            }
            max = Math.max(max, total);
        }
        long scaleMax = niceMax(max);
        double plotHeight = bottom - top;
        double slot = (right - left) / (double) Math.max(1, labels.size());
        double barWidth = slot * 0.6;
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            series.add(new Series(names.get(s), COLOURS.get(s % COLOURS.size())));
        }
        List<Bar> bars = new ArrayList<>();
        for (int b = 0; b < labels.size(); b++) {
            double x = left + b * slot + (slot - barWidth) / 2;
            double y = bottom;
            long total = 0;
            List<Segment> segments = new ArrayList<>();
            List<Long> column = new ArrayList<>();
            for (int s = 0; s < names.size(); s++) {
                long v = values[s][b];
                column.add(v);
                total += v;
                if (v > 0) {
                    double h = v * plotHeight / scaleMax;
                    y -= h;
                    segments.add(new Segment(names.get(s), v, number(y), number(h), series.get(s).colour()));
                }
            }
            bars.add(new Bar(labels.get(b), total, column, number(x), number(barWidth), number(x + barWidth / 2), segments));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            long v = scaleMax * i / 4;
            ticks.add(new Tick(v, number(bottom - v * plotHeight / scaleMax)));
        }
        return new BarChart(id, title, description, series, bars, ticks, width, height, left, bottom);
    }

    /** The smallest of 4, 8, 12, 20, 40, 80, 100, 200, … at or above the highest bar (at least 4: ticks in quarters). */
    static long niceMax(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[]{4, 8, 12, 20}) {
                if (m * step >= max) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static String number(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
